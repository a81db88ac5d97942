/// Collects the distinct words and their facts for a `Vocabulary`.
struct VocabularyBuilder {
    private var ids: [[UInt8]: Int] = [:]
    private(set) var words: [[UInt8]] = []
    private(set) var infos: [WordInfo] = []

    /// Applies `change` to the facts of `word`, adding the word first if it is new. Words are keyed by their
    /// exact bytes, not by Swift's canonical string equality, as the reference's dictionaries are.
    mutating func update(_ word: String, _ change: (inout WordInfo) -> Void) {
        let bytes = Array(word.utf8)
        let id: Int
        if let known = ids[bytes] {
            id = known
        } else {
            id = words.count
            ids[bytes] = id
            words.append(bytes)
            infos.append(WordInfo())
        }
        change(&infos[id])
    }
}
