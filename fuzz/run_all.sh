#!/bin/sh
# Run fuzz targets one after another for SECONDS each; usage: run_all.sh SECONDS target...
# Reader targets are in fuzz_readers.py; github, console, baseline, cache and outputs are in
# fuzz_outputs.py.
secs=$1; shift
cd "$(dirname "$0")"
for t in "$@"; do
  case "$t" in
    github|console|baseline|cache|outputs) script=fuzz_outputs.py ;;
    *) script=fuzz_readers.py ;;
  esac
  mkdir -p "corpus/$t" "artefacts/$t"
  python "$script" "$t" "corpus/$t" -max_total_time="$secs" -timeout=20 -rss_limit_mb=2048 \
    -artifact_prefix="artefacts/$t/" -print_final_stats=1 > "$t.log" 2>&1
  echo "$t exit $?" >> run_all.status
done
