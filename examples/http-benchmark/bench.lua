-- wrk script of run-wrk.sh. Each request is a GET with "Authorization: Bearer TOKEN".
-- TOKEN is drawn at random for each request from the file that the environment variable
-- BENCH_TOKENS names, one token a line, so a file with one line sends the same token every
-- time. The script counts every response whose status is not 200. At the end it prints one
-- line for run-wrk.sh, which fails the run unless non200 and socket_errors are 0:
--   RESULT requests=N seconds=S rps=R p50_us=.. p90_us=.. p99_us=.. non200=N socket_errors=N

local threads = {}

function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  local path = os.getenv("BENCH_TOKENS")
  if path == nil or path == "" then
    error("BENCH_TOKENS must name a file of tokens")
  end
  tokens = {}
  for line in io.lines(path) do
    if line ~= "" then
      table.insert(tokens, line)
    end
  end
  if #tokens == 0 then
    error(path .. " contains no token")
  end
  count = #tokens
  non200 = 0
  math.randomseed(os.time() * 100 + id)
end

function request()
  local token = tokens[1]
  if count > 1 then
    token = tokens[math.random(count)]
  end
  return wrk.format("GET", nil, { Authorization = "Bearer " .. token })
end

function response(status, headers, body)
  if status ~= 200 then
    non200 = non200 + 1
  end
end

function done(summary, latency, requests)
  local non200_total = 0
  for _, thread in ipairs(threads) do
    non200_total = non200_total + thread:get("non200")
  end
  local errors = summary.errors
  local socket_errors = errors.connect + errors.read + errors.write + errors.timeout
  local seconds = summary.duration / 1e6
  io.write(string.format(
    "RESULT requests=%d seconds=%.3f rps=%.1f p50_us=%d p90_us=%d p99_us=%d"
      .. " non200=%d socket_errors=%d\n",
    summary.requests, seconds, summary.requests / seconds,
    latency:percentile(50), latency:percentile(90), latency:percentile(99),
    non200_total, socket_errors))
end
