# Sourced by the set-up scripts: makes sure external tools are installed.
#
#   require_tools rclone:rclone sqlite3:sqlite3 ...
#
# Each argument is COMMAND:DEBIAN_PACKAGE. COMMAND is looked up on PATH, or is an absolute path to
# a file the package installs: a program, or a data file such as a PostgreSQL extension's control
# file, which only has to exist. Missing packages are installed with apt-get when running as root
# on Debian/Ubuntu; otherwise the exact install line is printed and the script stops.

require_tools() {
    local missing=() spec cmd pkg
    for spec in "$@"; do
        cmd=${spec%%:*}
        pkg=${spec#*:}
        if [[ $cmd == /* ]]; then
            [[ -e $cmd ]] && continue
        elif command -v "$cmd" >/dev/null 2>&1; then
            continue
        fi
        [[ " ${missing[*]} " == *" $pkg "* ]] || missing+=("$pkg")
    done
    [[ ${#missing[@]} -eq 0 ]] && return 0

    if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
        echo "Installing missing packages: ${missing[*]}" >&2
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -q >&2 && apt-get install -y -q --no-install-recommends "${missing[@]}" >&2 || {
            echo "error: could not install ${missing[*]} with apt-get" >&2
            exit 1
        }
        return 0
    fi
    echo "error: missing packages: ${missing[*]}" >&2
    echo "Install them with:" >&2
    echo "  sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
    exit 1
}

require_java17() {
    local version
    version=$(java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
    if [[ -z $version || ${version%%.*} -lt 17 ]]; then
        echo "error: Java 17 or newer is required (found: ${version:-none})." >&2
        echo "Install it with:" >&2
        echo "  sudo apt-get update && sudo apt-get install -y openjdk-17-jdk-headless" >&2
        exit 1
    fi
}
