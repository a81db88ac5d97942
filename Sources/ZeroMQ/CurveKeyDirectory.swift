import Foundation

/// A directory of CURVE keys as `advocate keys generate` writes them, one Z85 key per file, mode 0600:
///
/// - `server.public`, `server.secret`: the binding stage's (ingest's) key pair;
/// - `<role>.public`, `<role>.secret` per client role (`score`, `reward`, `producer`);
/// - `authorized`: the client public keys the server admits, one per line, each optionally followed by a
///   label (`<key> <role>`); blank lines and lines starting with `#` are ignored.
///
/// A host needs only its own files: ingest reads the server pair and `authorized`; a client reads
/// `server.public` and its role's pair.
public struct CurveKeyDirectory: Sendable, Hashable {
    /// The client roles `generate` makes key pairs for.
    public static let clientRoles = ["score", "reward", "producer"]

    public var path: String

    public init(path: String) {
        self.path = path
    }

    /// The server's key pair and the authorized client keys.
    /// - Throws: `CurveKeyError` naming the file that is missing or malformed.
    public func serverKeys() throws -> CurveServerKeys {
        let pair = try keyPair("server")
        let listPath = file("authorized")
        var authorized: Set<String> = []
        for (number, line) in try read(listPath).split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty, !trimmed.hasPrefix("#") else { continue }
            let key = String(trimmed.prefix { !$0.isWhitespace })
            guard CurveKeyPair.decode(key) != nil else {
                throw CurveKeyError(path: listPath, problem: "line \(number + 1) does not start with a Z85 public key")
            }
            authorized.insert(key)
        }
        return CurveServerKeys(keyPair: pair, authorized: authorized)
    }

    /// The server's public key and the key pair of `role` (`score`, `reward`, `producer`, or any other name).
    /// - Throws: `CurveKeyError` naming the file that is missing or malformed.
    public func clientKeys(role: String) throws -> CurveClientKeys {
        CurveClientKeys(serverKey: try key(file("server.public")), keyPair: try keyPair(role))
    }

    /// Writes a new server key pair, a key pair per client role and the `authorized` list of the client keys.
    /// - Parameter overwrite: replace existing files; otherwise an existing key is an error, so keys in use
    ///   are never lost by accident.
    /// - Throws: `CurveKeyError` when a file exists (without `overwrite`) or cannot be written.
    public func generate(roles: [String] = clientRoles, overwrite: Bool = false) throws {
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        let names = ["server"] + roles
        if !overwrite {
            for name in names {
                for suffix in ["public", "secret"]
                where FileManager.default.fileExists(atPath: file("\(name).\(suffix)")) {
                    throw CurveKeyError(
                        path: file("\(name).\(suffix)"), problem: "exists already (use --force to replace)")
                }
            }
        }
        var authorized = "# CURVE public keys of the clients ingest admits: <key> <role>\n"
        for name in names {
            let pair = try CurveKeyPair.generate()
            try write(pair.publicKey + "\n", to: file("\(name).public"))
            try write(pair.secretKey + "\n", to: file("\(name).secret"))
            if name != "server" { authorized += "\(pair.publicKey) \(name)\n" }
        }
        try write(authorized, to: file("authorized"))
    }

    private func file(_ name: String) -> String {
        (path as NSString).appendingPathComponent(name)
    }

    private func keyPair(_ name: String) throws -> CurveKeyPair {
        CurveKeyPair(publicKey: try key(file("\(name).public")), secretKey: try key(file("\(name).secret")))
    }

    private func key(_ path: String) throws -> String {
        let text = try read(path).trimmingCharacters(in: .whitespacesAndNewlines)
        guard CurveKeyPair.decode(text) != nil else {
            throw CurveKeyError(path: path, problem: "expected one 40-character Z85 key")
        }
        return text
    }

    private func read(_ path: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CurveKeyError(path: path, problem: "missing or unreadable")
        }
        guard data.count <= 1 << 20 else { throw CurveKeyError(path: path, problem: "larger than 1 MiB") }
        return String(decoding: data, as: UTF8.self)
    }

    private func write(_ text: String, to path: String) throws {
        // Created with 0600 from the start, so a secret is never readable by others, not even briefly.
        _ = FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600])
        do {
            try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        } catch {
            throw CurveKeyError(path: path, problem: "cannot be written: \(error)")
        }
    }
}
