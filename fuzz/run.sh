#!/usr/bin/env bash
# Run one fuzzer for SECONDS, restarting it after each crash (atheris stops at the first), so a long
# unattended run keeps going. Corpus and crashes go to WORK (default: .fuzz/NAME, not committed).
#   fuzz/run.sh reader|render|validate SECONDS [WORK]
set -euo pipefail
cd "$(dirname "$0")/.."
name=$1 seconds=$2 work=${3:-.fuzz/$1}
case $name in
    reader) seeds=seeds dict=fuzz/wilson.dict max_len=2048 ;;  # the tagger's time grows with length
    render) seeds=tests/golden dict=fuzz/tei.dict max_len=16384 ;;
    validate) seeds=tests/golden dict=fuzz/tei.dict max_len=16384 ;;
    *) echo "usage: fuzz/run.sh reader|render|validate SECONDS [WORK]" >&2; exit 2 ;;
esac
mkdir -p "$work/corpus" "$work/crashes"
end=$(( $(date +%s) + seconds ))
status=0
while [ "$(date +%s)" -lt "$end" ]; do
    left=$(( end - $(date +%s) ))
    if .venv/bin/python "fuzz/fuzz_$name.py" "$work/corpus" "$seeds" -dict="$dict" -max_len="$max_len" -max_total_time="$left" \
            -artifact_prefix="$work/crashes/" -rss_limit_mb=4096 -timeout=30 -print_final_stats=1; then
        break
    fi
    status=1
    echo "fuzz/run.sh: $name crashed; input kept in $work/crashes/, restarting" >&2
done
ls "$work/crashes"
exit $status
