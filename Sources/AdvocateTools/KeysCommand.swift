import ArgumentParser
import ZeroMQ

/// `advocate keys generate`: the CURVE keys that encrypt and authenticate ZeroMQ between hosts.
struct KeysCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys", abstract: "Manage the CURVE keys of ZeroMQ traffic between hosts.",
        subcommands: [Generate.self]
    )

    struct Generate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a server key pair, a key pair per client role and the list of authorized clients.",
            discussion: """
                Writes server.public/server.secret (ingest), score, reward and producer pairs, and `authorized` \
                (the client public keys ingest admits), each mode 0600. Ingest needs the server pair and \
                `authorized`; every other host needs server.public and its own pair. Point every stage and \
                `advocate send` at the directory with --curve-dir or ADVOCATE_CURVE_DIR.
                """
        )

        @Option(help: "The directory to write the keys to (created when missing).") var dir: String
        @Flag(help: "Replace existing keys (clients holding the old ones can no longer connect).") var force = false

        func run() throws {
            guard CurveKeyPair.isSupported else {
                throw ToolError("this libzmq was built without CURVE support; install Debian's libzmq5")
            }
            try CurveKeyDirectory(path: dir).generate(overwrite: force)
            print(
                "wrote CURVE keys to \(dir): server.{public,secret}, "
                    + CurveKeyDirectory.clientRoles.map { "\($0).{public,secret}" }.joined(separator: ", ")
                    + ", authorized")
        }
    }
}
