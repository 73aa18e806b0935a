#!/bin/bash
# Installs what is missing, builds NatoAsia and runs the whole test suite (display tests under
# Xvfb), then prints one line "N passed, N failed[, N skipped]" counting every test case.
#   NATOASIA_SANITIZE=1 build-aux/test.sh   builds in _build-asan with ASan and UBSan
set -u
cd "$(dirname "$0")/.."
. build-aux/deps.sh
natoasia_install_deps || { echo "could not install dependencies"; echo "0 passed, 1 failed"; exit 1; }

builddir=_build
setup_args=()
if [ "${NATOASIA_SANITIZE:-0}" = 1 ]; then
  builddir=_build-asan
  setup_args=(-Db_sanitize=address,undefined -Db_lundef=false)
  export ASAN_OPTIONS=detect_leaks=0:abort_on_error=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
fi

if [ ! -d "$builddir" ]; then
  meson setup "$builddir" "${setup_args[@]}" || { echo "0 passed, 1 failed"; exit 1; }
fi
if ! ninja -C "$builddir"; then
  echo "build failed"
  echo "0 passed, 1 failed"
  exit 1
fi

rm -f "$builddir/meson-logs/testlog.json"
xvfb-run -a -s "-screen 0 1280x800x24" \
  meson test -C "$builddir" --print-errorlogs --num-processes 2 "$@"
status=$?

# The benchmarks print the figures the issues set goals for. They run in CI (CI=true) or when
# asked (NATOASIA_BENCH=1); their goals are reported, not counted as test results, since a
# shared machine's timings vary.
if [ "${CI:-}" = true ] || [ "${NATOASIA_BENCH:-0}" = 1 ]; then
  bench="$builddir/benchmarks/natoasia-bench"
  pdf=../shared/sources/pdf/2020-nato-association-canada-volume.pdf
  export NATOASIA_STORE_WRITER="$PWD/$builddir/tests/store-writer"
  for args in load compare map search crash; do
    echo "=== natoasia-bench $args"
    timeout 900 "$bench" $args || echo "natoasia-bench $args exited with status $?"
  done
  if [ -f "$pdf" ]; then
    echo "=== natoasia-bench pdf $pdf"
    timeout 900 xvfb-run -a -s "-screen 0 1280x800x24" "$bench" pdf "$pdf" ||
      echo "natoasia-bench pdf exited with status $?"
  else
    echo "=== natoasia-bench pdf: SKIPPED, $pdf is not here"
  fi
fi

# Count test cases, not executables: GLib tests report each case over TAP.
python3 - "$builddir/meson-logs/testlog.json" <<'PY'
import json, re, sys
passed = failed = skipped = 0
try:
    lines = open(sys.argv[1], encoding="utf-8").read().splitlines()
except OSError:
    lines = []
for line in lines:
    t = json.loads(line)
    tap = [l for l in (t.get("stdout") or "").splitlines() if re.match(r"(not )?ok\b", l)]
    if not tap:
        r = t["result"]
        passed += r == "OK"; skipped += r == "SKIP"; failed += r not in ("OK", "SKIP")
        continue
    for l in tap:
        if l.startswith("not ok"): failed += 1
        elif "# SKIP" in l: skipped += 1
        else: passed += 1
    if t["result"] not in ("OK", "SKIP") and not any(l.startswith("not ok") for l in tap):
        failed += 1   # crashed between cases, or too few cases ran
    for l in (t.get("stdout") or "").splitlines():
        if l.startswith("# corpus:") or "SKIPPED" in l:
            print(l)
if not lines:
    failed += 1
summary = f"{passed} passed, {failed} failed"
if skipped:
    summary += f", {skipped} skipped"
print(summary)
PY
exit $status
