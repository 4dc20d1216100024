#!/usr/bin/env bash
# Command 3: the load benchmark.
#
# Starts PostgreSQL, RabbitMQ and Apertium APY exactly as infra/test.sh does (reusing any that
# already answer), then runs tests/TipLine.Benchmarks in Release: TipLine with every module
# in one process on Kestrel, the RabbitMQ bus and the demo district, driven from 127.0.0.1.
# It drops and recreates its own database (tipline_bench) and RabbitMQ vhost (tipline-bench).
#
# Usage: infra/bench.sh languages   (language detection accuracy, old and new side by side; no services)
#        infra/bench.sh [--submissions N] [--concurrency C] [--e2e M] [--rate R]
#                       [--iterations N] [--postgres CS] [--rabbitmq-host H] [--apy URL] [--help]
#
# Prints progress on stderr and, at the end, a block of figures on stdout.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

if [[ "${1:-}" == languages ]]; then
  cd "$repo"
  exec dotnet run -c Release --project tests/TipLine.Benchmarks -- languages
fi

eval "$(TIPLINE_TEST_SERVICES_ONLY=1 "$repo/infra/test.sh")"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
cd "$repo"
exec dotnet run -c Release --project tests/TipLine.Benchmarks -- "$@"
