# One image for every stage; docker-compose.yml picks the command per service.
#   docker build -t advocate .
#   docker run --rm advocate advocate --help

# Build: the Swift toolchain plus the headers of the C libraries the binaries link (libzmq; SQLite for GRDB;
# libcurl for FoundationNetworking). Swift's runtime is linked statically, so the run stage needs no toolchain.
FROM swift:6.3-bookworm AS build
RUN apt-get update \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
        libzmq3-dev libsqlite3-dev libcurl4-openssl-dev pkg-config \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /src
# Dependencies first, so editing the sources does not fetch them again.
COPY Package.swift ./
RUN swift package resolve
COPY Sources ./Sources
# SwiftPM checks that every target in Package.swift has its folder, test targets included.
COPY Tests ./Tests
RUN swift build -c release --static-swift-stdlib \
    && bin="$(swift build -c release --static-swift-stdlib --show-bin-path)" \
    && mkdir -p /out \
    && cp "$bin"/advocate "$bin"/advocate-ingest "$bin"/advocate-score "$bin"/advocate-reward \
        "$bin"/advocate-report /out/ \
    && cp -R "$bin"/*.resources /out/

# Run: slim Debian with the shared libraries the binaries load (libzmq, SQLite, libcurl for the CLI's HTTP).
FROM debian:bookworm-slim
RUN apt-get update \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
        libzmq5 libsqlite3-0 libcurl4 ca-certificates tzdata \
    && rm -rf /var/lib/apt/lists/*
# A fixed, unprivileged user; the data and key folders belong to it, and named volumes mounted there
# inherit that ownership when they are first created.
RUN useradd --system --uid 10001 --user-group --home-dir /var/lib/advocate --shell /usr/sbin/nologin advocate \
    && mkdir -p /var/lib/advocate /etc/advocate/keys \
    && chown advocate:advocate /var/lib/advocate /etc/advocate/keys \
    && chmod 0700 /etc/advocate/keys
# The executables and the sentiment lexicons (a resource bundle that must sit beside them).
COPY --from=build /out/ /usr/local/bin/
USER advocate
WORKDIR /var/lib/advocate
# Inside a container every stage listens on all interfaces; which ports are published is compose's choice.
ENV ADVOCATE_DATA=/var/lib/advocate \
    ADVOCATE_INGEST_HTTP_HOST=0.0.0.0 \
    ADVOCATE_SCORE_HTTP_HOST=0.0.0.0 \
    ADVOCATE_REWARD_HTTP_HOST=0.0.0.0 \
    ADVOCATE_REPORT_HTTP_HOST=0.0.0.0
EXPOSE 5570 5571 8070 8071 8072 8080
CMD ["advocate", "--help"]
