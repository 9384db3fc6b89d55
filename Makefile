# Mentorline: the two commands a new user needs are `make run` and `make test`.
.PHONY: run test build release check-config clean

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

clean:
	rm -rf .build
