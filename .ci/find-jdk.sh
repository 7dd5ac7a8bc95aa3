# shellcheck shell=bash
# Sourced by ./suite and .ci/run: find_jdk sets JAVA_HOME to a JDK 21 or newer, looking at
# $JAVA_HOME, then the `java` on PATH, then the newest JDK in the usual folders; it prints an
# explanation and returns 1 if there is none.

readonly SUITE_MIN_JAVA=21

# The major version of a JDK home (21, 25...), or nothing if it is not a usable JDK.
jdk_major_version() {
  local home=$1
  [[ -x "$home/bin/java" && -x "$home/bin/javac" ]] || return 1
  local version
  version=$("$home/bin/java" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java\.specification\.version = //p' | head -n 1)
  version=${version#1.}   # Java 8 calls itself 1.8
  [[ $version =~ ^[0-9]+$ ]] || return 1
  echo "$version"
}

is_suitable_jdk() {
  local major
  major=$(jdk_major_version "$1") && ((major >= SUITE_MIN_JAVA))
}

find_jdk() {
  if [[ -n ${JAVA_HOME:-} ]] && is_suitable_jdk "$JAVA_HOME"; then
    return 0
  fi

  local java_on_path
  if java_on_path=$(command -v java 2>/dev/null); then
    local home
    home=$(dirname "$(dirname "$(readlink -f "$java_on_path")")")
    if is_suitable_jdk "$home"; then
      export JAVA_HOME=$home
      return 0
    fi
  fi

  local best_home="" best_major=0 candidate major
  for candidate in /usr/lib/jvm/* /Library/Java/JavaVirtualMachines/*/Contents/Home "$HOME"/.sdkman/candidates/java/*; do
    [[ -d $candidate && ! -L $candidate ]] || continue
    major=$(jdk_major_version "$candidate") || continue
    if ((major >= SUITE_MIN_JAVA && major > best_major)); then
      best_home=$candidate
      best_major=$major
    fi
  done
  if [[ -n $best_home ]]; then
    export JAVA_HOME=$best_home
    return 0
  fi

  {
    echo "No JDK $SUITE_MIN_JAVA or newer found."
    echo "  JAVA_HOME: ${JAVA_HOME:-(not set)}${JAVA_HOME:+ (version $(jdk_major_version "$JAVA_HOME" || echo '?'))}"
    echo "  java on PATH: ${java_on_path:-(none)}"
    echo "  also looked in /usr/lib/jvm, /Library/Java/JavaVirtualMachines and ~/.sdkman"
    echo "Install one (e.g. Temurin 21 or 25) and/or point JAVA_HOME at it."
  } >&2
  return 1
}
