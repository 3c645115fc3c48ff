#!/usr/bin/env bash
# End-to-end HTTP benchmark with wrk on Payara Micro, bound to 127.0.0.1. It measures one
# trivial JAX-RS GET unprotected, behind jwtee and behind Payara's built-in MicroProfile JWT.
# The jwtee rows cover HS256 and RS256, one token or a pool of distinct tokens, and the
# verified-token cache on and off. docs/benchmarks.md describes the rows and the results.
#
# Usage: examples/http-benchmark/run-wrk.sh [--smoke] [--help]
# Run it from anywhere; it needs Java 17, Maven, curl and wrk (apt-get install -y wrk).

set -euo pipefail

readonly USAGE="Usage: $0 [--smoke] [--help]

Builds the benchmark WARs, starts Payara Micro on 127.0.0.1, runs wrk against each
scenario, prints a markdown table and writes it to
examples/http-benchmark/target/wrk-results.md. The server is stopped on exit.

  --smoke   short run: 3 s of warm-up and 5 s of measurement per scenario
  --help    print this help

Environment variables (defaults in brackets):
  BENCH_THREADS       wrk threads [2]
  BENCH_CONNECTIONS   wrk connections [16]
  BENCH_DURATION      measured time per scenario, in wrk's format [30s; 5s with --smoke]
  BENCH_WARMUP        time per scenario in the warm-up pass before the measured pass,
                      discarded [10s; 3s with --smoke]
  BENCH_TIMEOUT       wrk's per-request timeout; a timeout fails the run [5s]
  BENCH_POOL_SIZE     distinct tokens per algorithm in the pool scenarios [10000]
  BENCH_PORT          HTTP port of the server [first free port from 18080]
  BENCH_SERVER_CPUS   CPU list that taskset pins the server to [0]
  BENCH_WRK_CPUS      CPU list that taskset pins wrk to [1]
                      (no pinning when taskset is missing or there are fewer than 2 CPUs;
                      set both to an empty value to turn pinning off)
  BENCH_SERVER_HEAP   heap size of the server JVM, -Xms and -Xmx [1g]
  BENCH_START_TIMEOUT seconds to wait for the server and its four applications [300]
  BENCH_BUILD         1 builds with Maven first; 0 uses the files already built [1]
  BENCH_MVN_ARGS      extra Maven arguments of that build, such as -o [-q]"

smoke=0
for arg in "$@"; do
  case "$arg" in
    --smoke) smoke=1 ;;
    --help | -h)
      echo "$USAGE"
      exit 0
      ;;
    *)
      echo "run-wrk.sh: unknown argument '$arg'" >&2
      echo "$USAGE" >&2
      exit 2
      ;;
  esac
done

script_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo_dir=$(cd "$script_dir/../.." && pwd)
target_dir="$script_dir/target"
run_dir="$target_dir/wrk-run"
results_file="$target_dir/wrk-results.md"
cli_jar="$repo_dir/core/target/jwtee-core-0.1.0-SNAPSHOT-cli.jar"
payara_jar="$target_dir/payara-micro.jar"
payara_config_dir="$repo_dir/examples/shop/src/main/payara"
lua_script="$script_dir/bench.lua"
# iss and aud of every token; the WARs' web.xml and microprofile-config.properties expect it.
readonly issuer="http://127.0.0.1/bench"
# Token lifetime in seconds: one day, the longest that jwtee's issuing settings allow.
readonly token_lifetime=86400

threads=${BENCH_THREADS:-2}
connections=${BENCH_CONNECTIONS:-16}
if [[ $smoke == 1 ]]; then
  duration=${BENCH_DURATION:-5s}
  warmup=${BENCH_WARMUP:-3s}
else
  duration=${BENCH_DURATION:-30s}
  warmup=${BENCH_WARMUP:-10s}
fi
request_timeout=${BENCH_TIMEOUT:-5s}
pool_size=${BENCH_POOL_SIZE:-10000}
server_heap=${BENCH_SERVER_HEAP:-1g}
start_timeout=${BENCH_START_TIMEOUT:-300}
build=${BENCH_BUILD:-1}
read -r -a mvn_args <<< "${BENCH_MVN_ARGS:--q}"

fail() {
  echo "run-wrk.sh: $*" >&2
  exit 1
}

# --- Tools -------------------------------------------------------------------------------

command -v wrk > /dev/null \
  || fail "wrk not found. Install it with: apt-get install -y wrk (Debian and Ubuntu)"
command -v curl > /dev/null || fail "curl not found. Install it with: apt-get install -y curl"
command -v java > /dev/null || fail "java not found; Java 17 is needed"

server_pin=()
wrk_pin=()
pinning="none"
server_cpus=${BENCH_SERVER_CPUS-0}
wrk_cpus=${BENCH_WRK_CPUS-1}
if command -v taskset > /dev/null && [[ $(nproc) -ge 2 && -n $server_cpus && -n $wrk_cpus ]]
then
  server_pin=(taskset -c "$server_cpus")
  wrk_pin=(taskset -c "$wrk_cpus")
  pinning="server on CPU $server_cpus, wrk on CPU $wrk_cpus (taskset)"
fi

# --- Build -------------------------------------------------------------------------------

if [[ $build == 1 ]]; then
  echo "Building jwtee and the benchmark WARs (mvn ${mvn_args[*]} package)..."
  (cd "$repo_dir" && mvn "${mvn_args[@]}" -pl examples/http-benchmark -am package -DskipTests)
fi
for file in "$cli_jar" "$payara_jar" "$target_dir/classes" \
  "$target_dir"/bench-{plain,jwtee,jwtee-nocache,mpjwt}.war; do
  [[ -e $file ]] || fail "$file is missing; run with BENCH_BUILD=1 to build it"
done

# --- Keys and tokens ---------------------------------------------------------------------

rm -rf "$run_dir"
mkdir -p "$run_dir"/{keys,tokens,deploy,tmp,wrk}
keys_dir="$run_dir/keys"
tokens_dir="$run_dir/tokens"
jwtee_cli() {
  java -jar "$cli_jar" "$@"
}
echo "Generating keys and minting $pool_size HS256 and $pool_size RS256 tokens..."
jwtee_cli keys generate --type hmac --kid bench-hs256 --out "$keys_dir/hmac.json" > /dev/null
jwtee_cli keys generate --type rsa --kid bench-rs256 --out "$keys_dir/rsa.json" > /dev/null
jwtee_cli keys public --in "$keys_dir/rsa.json" > "$keys_dir/rsa-public.json"
java -cp "$cli_jar:$target_dir/classes" dev.jwtee.examples.httpbenchmark.tokens.TokenPool \
  "$issuer" "$pool_size" "$token_lifetime" "$tokens_dir" \
  "$keys_dir/hmac.json" "$keys_dir/rsa.json"
for algorithm in hmac:hs256 rsa:rs256; do
  jwtee_cli token inspect "$(cat "$tokens_dir/${algorithm#*:}-one.txt")" \
    --keys "$keys_dir/${algorithm%:*}.json" --iss "$issuer" --aud "$issuer" > /dev/null \
    || fail "the CLI rejects the minted ${algorithm#*:} token"
done

# --- Server ------------------------------------------------------------------------------

port_in_use() {
  (exec 3<> "/dev/tcp/127.0.0.1/$1") 2> /dev/null
}
port=${BENCH_PORT:-}
if [[ -z $port ]]; then
  for candidate in $(seq 18080 18179); do
    if ! port_in_use "$candidate"; then
      port=$candidate
      break
    fi
  done
  [[ -n $port ]] || fail "no free port from 18080 to 18179; set BENCH_PORT"
elif port_in_use "$port"; then
  fail "port $port is in use; choose another BENCH_PORT"
fi
base_url="http://127.0.0.1:$port"

# The WAR file names become the context roots: /plain, /jwtee, /jwtee-nocache, /mpjwt.
for variant in plain jwtee jwtee-nocache mpjwt; do
  cp "$target_dir/bench-$variant.war" "$run_dir/deploy/$variant.war"
done

server_pid=""
stop_server() {
  if [[ -n $server_pid ]] && kill -0 "$server_pid" 2> /dev/null; then
    echo "Stopping Payara Micro (pid $server_pid)..." >&2
    kill "$server_pid" 2> /dev/null || true
    for _ in $(seq 30); do
      kill -0 "$server_pid" 2> /dev/null || break
      sleep 1
    done
    if kill -0 "$server_pid" 2> /dev/null; then
      kill -9 "$server_pid" 2> /dev/null || true
    fi
  fi
}
trap stop_server EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

server_log="$run_dir/server.log"
echo "Starting Payara Micro on $base_url (log: $server_log)..."
# jwtee reads its keys from JWTEE_KEYS_JWKS_FILE; Payara's MP-JWT reads the public RSA key
# through MicroProfile Config, where system properties come before the WAR's own file.
JWTEE_KEYS_JWKS_FILE="$tokens_dir/server-keys.json" "${server_pin[@]}" \
  java "-Xms$server_heap" "-Xmx$server_heap" \
  "-Dhazelcast.config=$payara_config_dir/hazelcast-loopback.xml" \
  "-Djava.io.tmpdir=$run_dir/tmp" \
  "-Dmp.jwt.verify.publickey.location=file://$keys_dir/rsa-public.json" \
  -jar "$payara_jar" \
  --deploy "$run_dir/deploy/plain.war" \
  --deploy "$run_dir/deploy/jwtee.war" \
  --deploy "$run_dir/deploy/jwtee-nocache.war" \
  --deploy "$run_dir/deploy/mpjwt.war" \
  --port "$port" \
  --prebootcommandfile "$payara_config_dir/preboot-loopback.asadmin" \
  --rootdir "$run_dir/payara-root" \
  --nocluster \
  --disablephonehome \
  > "$server_log" 2>&1 &
server_pid=$!

# Prints the HTTP status of a GET of $1, with the token of file $2 when given; 000 when the
# connection fails.
status_of() {
  local auth=()
  if [[ -n ${2:-} ]]; then
    auth=(-H "Authorization: Bearer $(head -n 1 "$2")")
  fi
  curl -s -o /dev/null -w '%{http_code}' --max-time 10 "${auth[@]}" "$base_url$1" || true
}

wait_for() {
  local path=$1 expected=$2 deadline=$((SECONDS + start_timeout))
  until [[ $(status_of "$path") == "$expected" ]]; do
    if ! kill -0 "$server_pid" 2> /dev/null; then
      tail -n 40 "$server_log" >&2
      fail "Payara Micro stopped during start-up; see $server_log"
    fi
    if ((SECONDS > deadline)); then
      tail -n 40 "$server_log" >&2
      fail "$base_url$path did not answer $expected within $start_timeout s; see $server_log"
    fi
    sleep 1
  done
}
wait_for /plain/api/hello 200
wait_for /jwtee/cache-stats 200
wait_for /jwtee-nocache/cache-stats 200
wait_for /mpjwt/api/hello 401
echo "Server ready after $SECONDS s of the script."

# Every protected endpoint must reject a request without a token and accept the tokens of
# the runs. Otherwise a fast 401, or an endpoint left open, would pass for a result.
expect_status() {
  local path=$1 tokens=$2 expected=$3 actual
  actual=$(status_of "$path" "$tokens")
  [[ $actual == "$expected" ]] \
    || fail "GET $path with ${tokens:-no token} answered $actual, expected $expected"
}
expect_status /plain/api/hello "" 200
for path in /jwtee/api/hello /jwtee-nocache/api/hello /mpjwt/api/hello; do
  expect_status "$path" "" 401
done
for path in /jwtee/api/hello /jwtee-nocache/api/hello; do
  expect_status "$path" "$tokens_dir/hs256-one.txt" 200
  expect_status "$path" "$tokens_dir/rs256-one.txt" 200
  expect_status "$path" "$tokens_dir/hs256-pool.txt" 200
done
expect_status /mpjwt/api/hello "$tokens_dir/rs256-one.txt" 200
expect_status /mpjwt/api/hello "$tokens_dir/rs256-pool.txt" 200

# --- Runs --------------------------------------------------------------------------------

# label | path | token file | cache statistics path, or - for none. Rows that are compared
# run next to each other, so that drift during the run affects them alike. The unprotected
# endpoint is measured first and last, and the ratios divide by the mean of the two, so that
# such drift shows.
scenarios=(
  "unprotected (sends the RS256 token, unread)|/plain/api/hello|rs256-one.txt|-"
  "jwtee HS256, one token, cache on|/jwtee/api/hello|hs256-one.txt|/jwtee/cache-stats"
  "jwtee HS256, one token, cache off|/jwtee-nocache/api/hello|hs256-one.txt|-"
  "jwtee RS256, one token, cache on|/jwtee/api/hello|rs256-one.txt|/jwtee/cache-stats"
  "jwtee RS256, one token, cache off|/jwtee-nocache/api/hello|rs256-one.txt|-"
  "MP-JWT RS256, one token|/mpjwt/api/hello|rs256-one.txt|-"
  "jwtee HS256, token pool, cache on|/jwtee/api/hello|hs256-pool.txt|/jwtee/cache-stats"
  "jwtee HS256, token pool, cache off|/jwtee-nocache/api/hello|hs256-pool.txt|-"
  "jwtee RS256, token pool, cache on|/jwtee/api/hello|rs256-pool.txt|/jwtee/cache-stats"
  "jwtee RS256, token pool, cache off|/jwtee-nocache/api/hello|rs256-pool.txt|-"
  "MP-JWT RS256, token pool|/mpjwt/api/hello|rs256-pool.txt|-"
  "unprotected, again|/plain/api/hello|rs256-one.txt|-"
)

# Runs wrk for $2 against path $3 with token file $4, saves its output to $1 and prints the
# RESULT line. Fails on any response status other than 200 and on any socket error or timeout.
run_wrk() {
  local out=$1 length=$2 path=$3 tokens=$4 result
  BENCH_TOKENS="$tokens" "${wrk_pin[@]}" wrk -t "$threads" -c "$connections" -d "$length" \
    --timeout "$request_timeout" -s "$lua_script" "$base_url$path" > "$out" 2>&1 \
    || { cat "$out" >&2; fail "wrk failed on $path; see $out"; }
  result=$(grep '^RESULT ' "$out") || { cat "$out" >&2; fail "no RESULT line in $out"; }
  if [[ $result != *" non200=0 "* || $result != *" socket_errors=0" ]]; then
    cat "$out" >&2
    fail "responses with a status other than 200, or socket errors, on $path: $result"
  fi
  echo "$result"
}

# Prints the value of field $2 of RESULT line $1.
field() {
  local name=$2
  sed -E "s/.* $name=([^ ]+).*/\1/" <<< "$1"
}

# Prints "hits misses" of the cache statistics at path $1.
cache_counts() {
  curl -s --max-time 10 "$base_url$1" | sed -E 's/hits=([0-9]+) misses=([0-9]+).*/\1 \2/'
}

# Warm-up pass: every scenario once, results discarded, so that the server's JIT has compiled
# the code of every endpoint before the first measurement.
number=0
for scenario in "${scenarios[@]}"; do
  IFS='|' read -r label path token_file _ <<< "$scenario"
  number=$((number + 1))
  echo "Warm-up [$number/${#scenarios[@]}] $label: $warmup"
  run_wrk "$run_dir/wrk/$number-warmup.txt" "$warmup" "$path" "$tokens_dir/$token_file" \
    > /dev/null
done

load_before=$(cut -d ' ' -f 1-3 /proc/loadavg)
results=()
hit_rates=()
number=0
for scenario in "${scenarios[@]}"; do
  IFS='|' read -r label path token_file stats_path <<< "$scenario"
  number=$((number + 1))
  echo "Run [$number/${#scenarios[@]}] $label: $duration"
  if [[ $stats_path != "-" ]]; then
    read -r hits_before misses_before <<< "$(cache_counts "$stats_path")"
  fi
  result=$(run_wrk "$run_dir/wrk/$number.txt" "$duration" "$path" "$tokens_dir/$token_file")
  echo "  $result"
  hit_rate="n/a"
  if [[ $stats_path != "-" ]]; then
    read -r hits_after misses_after <<< "$(cache_counts "$stats_path")"
    hit_rate=$(awk -v h=$((hits_after - hits_before)) -v m=$((misses_after - misses_before)) \
      'BEGIN { if (h + m == 0) print "n/a"; else printf "%.0f %%", 100 * h / (h + m) }')
  fi
  results+=("$result")
  hit_rates+=("$hit_rate")
done
load_after=$(cut -d ' ' -f 1-3 /proc/loadavg)

first_rps=$(field "${results[0]}" rps)
last_rps=$(field "${results[-1]}" rps)
baseline_rps=$(awk -v first="$first_rps" -v last="$last_rps" \
  'BEGIN { printf "%.1f", (first + last) / 2 }')
rows=()
for index in "${!scenarios[@]}"; do
  result=${results[$index]}
  rows+=("$(awk -v label="${scenarios[$index]%%|*}" -v rps="$(field "$result" rps)" \
    -v base="$baseline_rps" -v p50="$(field "$result" p50_us)" \
    -v p90="$(field "$result" p90_us)" -v p99="$(field "$result" p99_us)" \
    -v hit="${hit_rates[$index]}" -v n="$((index + 1))" \
    'BEGIN { printf "| %d | %s | %.0f | %.2f | %.2f | %.2f | %.2f | %s |", n, label, rps,
      rps / base, p50 / 1000, p90 / 1000, p99 / 1000, hit }')")
done

# --- Report ------------------------------------------------------------------------------

cpu_model=$(grep -m 1 'model name' /proc/cpuinfo | cut -d ':' -f 2 | sed 's/^ *//' || true)
{
  echo "HTTP benchmark, $(date -u '+%Y-%m-%d %H:%M UTC'): wrk -t$threads -c$connections" \
    "-d$duration per row, after a warm-up pass of $warmup per row; timeout $request_timeout;" \
    "pool of $pool_size tokens per algorithm; Payara Micro 6.2025.10, heap $server_heap."
  echo
  echo "Machine: $(nproc) CPUs (${cpu_model:-unknown model}), Linux $(uname -r)," \
    "$(java -version 2>&1 | head -n 1); $(wrk -v 2>&1 | head -n 1 | cut -d ' ' -f 1-2)." \
    "Pinning: $pinning. Load average (1, 5, 15 min) before the runs: $load_before;" \
    "after: $load_after."
  echo
  echo "| # | scenario | requests/s | / unprotected | p50 ms | p90 ms | p99 ms |" \
    "cache hits |"
  echo "|---|---|---|---|---|---|---|---|"
  printf '%s\n' "${rows[@]}"
  echo
  echo "\"/ unprotected\" divides by $baseline_rps requests/s, the mean of rows 1 and" \
    "${#scenarios[@]}. \"cache hits\" is the share of this row's requests that jwtee's" \
    "verified-token cache answered."
} > "$results_file"
echo
cat "$results_file"
echo
echo "Written to $results_file; wrk output in $run_dir/wrk."
