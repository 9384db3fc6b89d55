# Mentorline: the two commands a new user needs are `make run` and `make test`.
.PHONY: run test build release check-config clean install-build install uninstall

# Install settings, all optional (defaults and details in scripts/install.sh): PREFIX (/usr/local),
# DESTDIR, BINDIR, DOCDIR, UNITDIR (/etc/systemd/system), SKIP_BUILD=1 (install what `make install-build`
# built, from BUILD_BIN_DIR, default .build/release, instead of building), CREDENTIALS=generate|skip.
export PREFIX DESTDIR BINDIR DOCDIR UNITDIR SKIP_BUILD BUILD_BIN_DIR CREDENTIALS

run:
	scripts/run.sh

test:
	scripts/test.sh

build:
	scripts/install-deps.sh
	swift build

release:
	scripts/install-deps.sh
	swift build -c release

check-config: build
	"$$(swift build --show-bin-path)/mentorctl" check-config Config

install-build:
	scripts/install.sh build

install:
	scripts/install.sh install

uninstall:
	scripts/install.sh uninstall

clean:
	rm -rf .build
