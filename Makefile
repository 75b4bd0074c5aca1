# ecsh: `make run` starts the shell, `make test` runs every check. Both install what is missing first.

APT_PACKAGES := libedit-dev libmicrohttpd-dev libssl-dev libcurl4-openssl-dev pkg-config
SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: all deps build release run test interop lint format bench clean

all: build

# Installs the C libraries ecsh links against, only those not installed yet.
deps:
	@missing=""; for p in $(APT_PACKAGES); do \
	    dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	    echo "installing:$$missing"; \
	    $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release

run: release
	.build/release/ecsh $(ARGS)

test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build
	$(MAKE) interop
	$(MAKE) lint

# The official Alibaba Cloud Python SDKs against `ecsh serve`; makes .venv/interop on first use.
interop: deps
	SWIFT=$(SWIFT) bash share/interop/run.sh

# Side-by-side throughput figures (ratios); release build, loopback only.
bench: deps
	$(SWIFT) build -c release --product ecsh-bench
	.build/release/ecsh-bench share/ecsh/sandbox.json

lint:
	$(SWIFT) format lint --strict --recursive Sources Tests Package.swift

format:
	$(SWIFT) format format --in-place --recursive Sources Tests Package.swift

clean:
	rm -rf .build
