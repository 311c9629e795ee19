#!/usr/bin/env bash
# scripts/scale.sh N [--latency 50ms] [--k 3] [--max-rps 0] [--concurrency-note]
#
# Measures esmctl at N mappings against `esmctl emulator` on a free loopback port and prints one table:
#   (c) seed: an apply that creates N mappings (wall time, with the injected per-request latency)
#   (a) a no-op `plan --stats` (request counts from GET /_emulator/requests, wall time)
#   (b) an apply of k changes (exactly k mutating calls expected)
#   (d) peak RSS of `esmctl run` holding N mappings, if this build registers the run command
# Every phase's peak RSS comes from /usr/bin/time -v. Counts exclude the one STS GetCallerIdentity per run.
# --max-rps is passed to esmctl (0 = no cap: the emulator has no quota; use 10 to see the default cap's cost).
# The emulator and any daemon are stopped on exit (trap), and the temp directory is removed.
set -euo pipefail

usage() { echo "usage: $0 N [--latency 50ms] [--k 3] [--max-rps 0]" >&2; exit 2; }
[[ $# -ge 1 && $1 =~ ^[0-9]+$ && $1 -ge 1 ]] || usage
N=$1; shift
LATENCY=0ms; K=3; MAX_RPS=0
while [[ $# -gt 0 ]]; do
  case $1 in
    --latency) LATENCY=$2; shift 2 ;;
    --k) K=$2; shift 2 ;;
    --max-rps) MAX_RPS=$2; shift 2 ;;
    *) usage ;;
  esac
done
(( K >= 1 && K <= N )) || { echo "--k must be between 1 and N" >&2; exit 2; }

ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=$(mktemp -d -t esmctl-scale-XXXXXX)
EMULATOR_PID=""
DAEMON_PID=""
cleanup() {
  [[ -n $DAEMON_PID ]] && kill "$DAEMON_PID" 2>/dev/null || true
  [[ -n $EMULATOR_PID ]] && kill "$EMULATOR_PID" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT INT TERM

echo "building esmctl (Release)..." >&2
dotnet build "$ROOT/src/Esmctl/Esmctl.csproj" -c Release -nologo -v quiet -clp:ErrorsOnly >&2
ESMCTL_DLL="$ROOT/src/Esmctl/bin/Release/net10.0/esmctl.dll"

# Hermetic AWS settings: static credentials, no profile or config files, no instance metadata.
export AWS_ACCESS_KEY_ID=AKIDEMULATOR AWS_SECRET_ACCESS_KEY=emulator-secret-key AWS_REGION=us-east-1
export AWS_CONFIG_FILE=/nonexistent/esmctl-scale-config AWS_SHARED_CREDENTIALS_FILE=/nonexistent/esmctl-scale-credentials
export AWS_EC2_METADATA_DISABLED=true NO_COLOR=1
unset AWS_SESSION_TOKEN AWS_PROFILE AWS_DEFAULT_REGION AWS_ENDPOINT_URL AWS_ENDPOINT_URL_LAMBDA AWS_ENDPOINT_URL_STS

dotnet "$ESMCTL_DLL" emulator --listen 127.0.0.1:0 --latency "$LATENCY" >"$WORK/emulator.out" 2>&1 &
EMULATOR_PID=$!
URL=""
for _ in $(seq 1 300); do
  URL=$(sed -n 's/^esmctl emulator listening on \(http:\/\/[0-9.:]*\).*/\1/p' "$WORK/emulator.out")
  [[ -n $URL ]] && break
  kill -0 "$EMULATOR_PID" 2>/dev/null || { cat "$WORK/emulator.out" >&2; exit 1; }
  sleep 0.1
done
[[ -n $URL ]] || { echo "emulator did not start" >&2; exit 1; }
echo "emulator at $URL (latency $LATENCY)" >&2

# N SQS manifests, 100 documents per file; the first K of every N/K get batchSize 5 instead of 10 when asked.
write_manifests() { # $1 = dir, $2 = 1 to change K of them
  rm -rf "$1"; mkdir -p "$1"
  awk -v n="$N" -v k="$K" -v change="$2" -v dir="$1" 'BEGIN {
    step = int(n / k)
    for (i = 0; i < n; i++) {
      file = sprintf("%s/mappings-%04d.yaml", dir, int(i / 100))
      batch = (change == 1 && i % step == 0 && i / step < k) ? 5 : 10
      printf "apiVersion: esmctl/v1\nkind: EventSourceMapping\nmetadata:\n  name: scale-%06d\nspec:\n  functionName: fn-%06d\n  eventSourceArn: arn:aws:sqs:us-east-1:123456789012:queue-%06d\n  batchSize: %d\n---\n", i, i, i, batch > file
    }
  }'
}

TARGET=(--target aws --endpoint-url "$URL" --max-rps "$MAX_RPS")
ROWS=()
LOG_CAPACITY=10000

# Runs esmctl under /usr/bin/time, then reads the request log: one table row.
measure() { # $1 = label, rest = esmctl arguments
  local label=$1; shift
  curl -fsS -X POST "$URL/_emulator/reset-log" >/dev/null
  local status=0
  /usr/bin/time -f "%e %M" -o "$WORK/time" dotnet "$ESMCTL_DLL" "$@" >"$WORK/out" 2>"$WORK/err" || status=$?
  if [[ $status -ne 0 && $status -ne 2 ]]; then
    echo "esmctl $* failed ($status):" >&2; tail -20 "$WORK/err" >&2; tail -5 "$WORK/out" >&2; exit 1
  fi
  local wall rss_kb
  read -r wall rss_kb < <(tail -1 "$WORK/time")
  curl -fsS "$URL/_emulator/requests" >"$WORK/log.json"
  local counts
  counts=$(jq -r '.Requests | map(select(.Operation != "GetCallerIdentity")) as $r
    | [ ($r | map(select(.Operation == "ListEventSourceMappings")) | length),
        ($r | map(select(.Operation == "ListTags")) | length),
        ($r | map(select(.Operation == "GetEventSourceMapping")) | length),
        ($r | map(select(.Mutating)) | length),
        ($r | length) ] | @tsv' "$WORK/log.json")
  local logged
  logged=$(jq '.Requests | length' "$WORK/log.json")
  local note=""
  (( logged >= LOG_CAPACITY )) && note=" [log full: the emulator keeps the last $LOG_CAPACITY requests, so the earliest (List pages first) are missing from the log columns; --stats is exact]"
  local stats
  stats=$(grep '^stats:' "$WORK/err" | sed 's/^stats: //' | paste -sd ';' - || true)
  ROWS+=("$(printf '%s\t%s\t%s\t%s\t%s%s' "$label" "$wall" "$((rss_kb / 1024))" "$(echo "$counts" | tr '\t' ' ')" "${stats:--}" "$note")")
}

write_manifests "$WORK/manifests" 0
measure "(c) apply creating N" apply "$WORK/manifests" --auto-approve --stats "${TARGET[@]}"
measure "(a) no-op plan" plan "$WORK/manifests" --stats --detailed-exitcode "${TARGET[@]}"
write_manifests "$WORK/manifests" 1
measure "(b) apply k=$K changes" apply "$WORK/manifests" --auto-approve --stats "${TARGET[@]}"

DAEMON="n/a: this build does not register \`esmctl run\`"
if dotnet "$ESMCTL_DLL" --help 2>/dev/null | grep -qE '^[[:space:]]+run([[:space:]]|$)'; then
  # The daemon reads the AWS endpoint from the standard variable; observe-only so it only reads.
  AWS_ENDPOINT_URL="$URL" dotnet "$ESMCTL_DLL" run "$WORK/manifests" --observe-only --listen 127.0.0.1:0 \
    >"$WORK/daemon.out" 2>&1 &
  DAEMON_PID=$!
  peak=""
  for _ in $(seq 1 600); do
    kill -0 "$DAEMON_PID" 2>/dev/null || break
    if grep -qE 'Tick [0-9]+ (Succeeded|Failed|InvalidInput)' "$WORK/daemon.out" 2>/dev/null; then
      peak=$(awk '/VmHWM/ {print int($2 / 1024)}' "/proc/$DAEMON_PID/status"); break
    fi
    sleep 1
  done
  kill "$DAEMON_PID" 2>/dev/null || true; wait "$DAEMON_PID" 2>/dev/null || true; DAEMON_PID=""
  if [[ -n $peak ]]; then DAEMON="${peak} MB peak RSS (VmHWM) after its first tick"
  else DAEMON="n/a: the daemon did not report a finished tick (see its output: $(tail -1 "$WORK/daemon.out"))"; fi
fi

echo
echo "esmctl scale: N=$N, latency $LATENCY per request, --max-rps $MAX_RPS, k=$K ($(nproc) cores)"
{
  printf 'phase\twall s\tpeak RSS MB\tList\tListTags\tGet\tmutating\ttotal\t--stats\n'
  for row in "${ROWS[@]}"; do
    IFS=$'\t' read -r label wall rss counts stats <<<"$row"
    read -r list tags get mutating total <<<"$counts"
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$label" "$wall" "$rss" "$list" "$tags" "$get" "$mutating" "$total" "$stats"
  done
} | column -t -s $'\t'
echo "(d) daemon holding N mappings: $DAEMON"
