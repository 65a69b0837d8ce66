#!/bin/sh
# Installs the Debian packages the browser tests use: chromium (driven over
# the DevTools protocol) and fonts-nanum (Korean glyphs in screenshots); and
# the translation file checkers: gettext (msgfmt --check-format, msgcat;
# pinned, bookworm's only build) and libxml2-utils (xmllint --schema); and
# pre-commit, which runs the hooks of .pre-commit-hooks.yaml in their test
# (pinned, bookworm's only build).
#
# Chromium is not pinned: Debian's security archive keeps only the newest
# build of a browser, so any pin stops installing within weeks. The tests use
# only what every Chromium build has (headless mode, DOM queries over the
# DevTools protocol), so any Debian build is accepted and its version printed.
# libxml2-utils is not pinned for the same reason: libxml2's security
# updates replace the build in the archive; XML Schema validation is the
# same in every bookworm build.
set -u
pkgs="chromium fonts-nanum=${FONTS_NANUM_VERSION:?} gettext=${GETTEXT_VERSION:?} libxml2-utils pre-commit=${PRE_COMMIT_VERSION:?}"

if dpkg -s chromium fonts-nanum gettext libxml2-utils pre-commit >/dev/null 2>&1 && [ "$(dpkg-query -W -f='${Version}' gettext)" = "$GETTEXT_VERSION" ] &&
  [ "$(dpkg-query -W -f='${Version}' pre-commit)" = "$PRE_COMMIT_VERSION" ]; then
  echo "tools-debian: chromium $(dpkg-query -W -f='${Version}' chromium), fonts-nanum $(dpkg-query -W -f='${Version}' fonts-nanum), gettext $GETTEXT_VERSION, libxml2-utils $(dpkg-query -W -f='${Version}' libxml2-utils) and pre-commit $PRE_COMMIT_VERSION are installed (any chromium and libxml2-utils build is accepted)"
  exit 0
fi

sudo=
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    sudo="sudo -n"
  else
    echo "tools-debian: chromium, fonts-nanum, gettext $GETTEXT_VERSION, libxml2-utils or pre-commit $PRE_COMMIT_VERSION is missing and installing needs root; run:" >&2
    echo "  sudo apt-get update && sudo apt-get install -y --no-install-recommends $pkgs" >&2
    exit 1
  fi
fi

log=$(mktemp)
trap 'rm -f "$log"' EXIT
run() {
  if ! $sudo "$@" >"$log" 2>&1; then
    cat "$log" >&2
    if grep -q -e 'Could not get lock' -e 'Unable to acquire the dpkg frontend lock' -e 'Unable to lock directory' "$log"; then
      echo "tools-debian: another apt or dpkg process holds the package lock; wait for it to finish (see: ps aux | grep -e apt -e dpkg) and run make tools-debian again" >&2
    elif grep -q -e 'Unable to locate package' -e 'has no installation candidate' -e "Version '.*' for '.*' was not found" "$log"; then
      echo "tools-debian: a package or pinned version is not in the configured Debian archives (see above); check /etc/apt/sources.list and FONTS_NANUM_VERSION, GETTEXT_VERSION and PRE_COMMIT_VERSION in the Makefile" >&2
    else
      echo "tools-debian: '$*' failed (see above)" >&2
    fi
    exit 1
  fi
}
run apt-get update
# shellcheck disable=SC2086 # $pkgs is a word list
run apt-get install -y --no-install-recommends $pkgs
echo "tools-debian: installed chromium $(dpkg-query -W -f='${Version}' chromium), fonts-nanum $(dpkg-query -W -f='${Version}' fonts-nanum), gettext $(dpkg-query -W -f='${Version}' gettext), libxml2-utils $(dpkg-query -W -f='${Version}' libxml2-utils) and pre-commit $(dpkg-query -W -f='${Version}' pre-commit)"
