#!/bin/sh
# Checks the Dutch translation: po/POTFILES.in names every source file with
# translatable strings, every string of those files is translated in
# po/nl.po (neither missing, untranslated nor fuzzy), and msgfmt accepts it.
set -eu
srcdir=$1
workdir=$(mktemp -d)
trap 'rm -rf "$workdir"' EXIT
cd "$srcdir"

status=0
for file in $( (grep -rlE '(^|[^A-Za-z0-9_])N?_\(|translatable="yes"' src ui --include='*.c' --include='*.ui' 2>/dev/null; ls data/*.in data/*.gschema.xml) | sort); do
  if ! grep -qx "$file" po/POTFILES.in; then
    echo "po/POTFILES.in does not list $file"
    status=1
  fi
done

grep -v '^#' po/POTFILES.in > "$workdir/POTFILES"
xgettext --files-from="$workdir/POTFILES" --directory=. --from-code=UTF-8 \
  --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
  --keyword=g_dngettext:2,3 --keyword=ngettext:1,2 \
  --add-comments --output="$workdir/stagematch.pot"

if ! msgcmp po/nl.po "$workdir/stagematch.pot"; then
  echo "po/nl.po lacks the translations above"
  status=1
fi

stats=$(msgfmt --check --statistics -o /dev/null po/nl.po 2>&1)
echo "nl: $stats"
case "$stats" in
  *untranslated*|*fuzzy*) echo "po/nl.po has untranslated or fuzzy strings"; status=1 ;;
esac
exit $status
