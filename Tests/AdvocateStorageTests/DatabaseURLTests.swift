import AdvocatePostgres
import Testing

@Suite struct DatabaseURLTests {
    @Test func readsEveryPartOfAPostgresURL() throws {
        let url = try DatabaseURL("postgresql://ann:s%40cret@db.internal:6543/advocate")
        #expect(url.username == "ann")
        #expect(url.password == "s@cret")
        #expect(url.host == "db.internal")
        #expect(url.port == 6543)
        #expect(url.database == "advocate")
        #expect(url.description == "postgres://ann:***@db.internal:6543/advocate")
        #expect(try DatabaseURL(url.text) == url)
        #expect(try DatabaseURL("postgres://ann@localhost/advocate").port == 5432)
    }

    @Test(arguments: [
        ("mysql://ann@host/db", "has scheme mysql, expected postgres"),
        ("postgres://host/db", "names no user"),
        ("postgres://ann@host", "names no database"),
        ("postgres://ann:pw@host:0/db", "has port 0 out of range"),
        ("not a url", "is not a URL"),
    ])
    func refusesAnUnusableURLAndSaysWhy(text: String, problem: String) throws {
        let error = try #require(throws: DatabaseURLError.self) { try DatabaseURL(text) }
        #expect(error.description.contains(problem), "\(error)")
        #expect(!error.description.contains(":pw@"), "the password must not be shown: \(error)")
    }

    @Test func theFactoryChoosesSQLiteWithoutAURL() throws {
        #expect(try StoreFactory(dataDirectory: "data", databaseURL: nil).location == "sqlite:data")
        let factory = try StoreFactory(dataDirectory: "data", databaseURL: "postgres://ann:pw@host:5433/db")
        #expect(factory.location == "postgres://ann:***@host:5433/db")
        #expect(throws: DatabaseURLError.self) {
            try StoreFactory(dataDirectory: "data", databaseURL: "postgres://host")
        }
    }
}
