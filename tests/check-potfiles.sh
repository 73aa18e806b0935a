#!/bin/sh
# Every source file with a translatable string must be listed in po/POTFILES, or its strings
# never reach translators.
top=$1
cd "$top" || exit 1
missing=0
for f in $(git ls-files 'src/*.c' 'src/*.ui' 'data/*.in' 'data/*.xml' 2>/dev/null || find src data -name '*.c' -o -name '*.ui'); do
  if grep -qE '(_\(|N_\(|translatable="yes"|<summary>|<description>)' "$f"; then
    if ! grep -qx "$f" po/POTFILES; then
      echo "not in po/POTFILES: $f"
      missing=1
    fi
  fi
done
exit $missing
