#!/usr/bin/env bash
# Runs the reliability suites (tests/Esmctl.Tests/Reliability): faults, crashes, concurrency, bad input, safety and
# secrets, through the real esmctl process against the HTTP emulator on loopback.
#
#   scripts/reliability.sh            the short variant (the one CI runs with every build)
#   scripts/reliability.sh --long     200 mappings under faults, 5 edit rounds, 8 kills, 400 mutants, every flag
#                                     combination (ESMCTL_RELIABILITY_LONG=1)
#   ESMCTL_RELIABILITY_SEED=N         other fault, edit, kill and mutation seeds (default 7)
#
# The figures each suite measured are appended as JSON lines to $ESMCTL_RELIABILITY_REPORT (a temp file by default)
# and printed at the end; docs/reliability.md quotes them.
set -euo pipefail
cd "$(dirname "$0")/.."

long=0
case "${1:-}" in
  --long) long=1 ;;
  "") ;;
  *) echo "usage: $0 [--long]" >&2; exit 2 ;;
esac

report="${ESMCTL_RELIABILITY_REPORT:-$(mktemp "${TMPDIR:-/tmp}/esmctl-reliability-XXXXXX.jsonl")}"
export ESMCTL_RELIABILITY_LONG="$long" ESMCTL_RELIABILITY_REPORT="$report"

dotnet build tests/Esmctl.Tests -nologo -v q
started=$(date +%s)
status=0
dotnet test tests/Esmctl.Tests --no-build --nologo \
  --filter "FullyQualifiedName~Esmctl.Tests.Reliability" \
  --logger "console;verbosity=normal" || status=$?
echo
echo "reliability ($([ "$long" = 1 ] && echo long || echo short), seed ${ESMCTL_RELIABILITY_SEED:-7}): exit $status in $(( $(date +%s) - started )) s"
echo "figures ($report):"
cat "$report" 2>/dev/null || echo "(none recorded)"
exit "$status"
