# Helpers shared by the bench/ scripts: time a command, print a ratio.

# The same JDK as ./forklab uses, for the scripts' direct ./mvnw calls.
JAVA_HOME="$(./forklab --java-home)"
export JAVA_HOME

# Runs "$@" quietly and prints its wall time in seconds; fails if the command fails.
seconds() {
  local start end
  start=$(date +%s.%N)
  if ! "$@" >/dev/null 2>"${BENCH_LOG:-/dev/null}"; then
    echo "bench: command failed: $*" >&2
    return 1
  fi
  end=$(date +%s.%N)
  awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f\n", b - a }'
}

# ratio NAME MEASURED BASELINE: prints "NAME ratio: x.xx (measured / baseline)".
ratio() {
  awk -v n="$1" -v m="$2" -v b="$3" 'BEGIN { printf "%s ratio: %.2f (%.1f s / %.1f s)\n", n, m / b, m, b }'
}
