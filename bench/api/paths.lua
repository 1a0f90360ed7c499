-- Replays pre-signed ECS API paths (issue #20): every request takes the next line of the file named by PATHS, so every
-- signature nonce is fresh. Each wrk thread takes every n-th line. Requests are POST with the query, as the typed SDK
-- sends V1 ('v2' signatureAlgorithm).
local counter = 0
local threads = {}

function setup(thread)
  thread:set("id", counter)
  table.insert(threads, thread)
  counter = counter + 1
end

function init(args)
  local file = os.getenv("PATHS")
  local total = tonumber(os.getenv("THREADS") or "2")
  paths = {}
  local i = 0
  for line in io.lines(file) do
    if i % total == id then paths[#paths + 1] = line end
    i = i + 1
  end
  next_path = 1
  wrk.method = "POST"
end

function request()
  local path = paths[next_path]
  next_path = next_path + 1
  if next_path > #paths then next_path = 1 end
  return wrk.format("POST", path)
end

-- Requests slower than OVER_MS (default 2000) milliseconds, counted exactly, printed as "Requests over 2000 ms: N" for
-- WrkBench. wrk's latency histogram is not the requests' own: before done() it corrects it for coordinated omission
-- (stats_correct: every sample of n us also adds one at n - e, n - 2e, ... while above e, where
-- e = duration / (requests / connections), integer divisions), and its printed percentiles are of the corrected
-- histogram. Undone: real(k) = hist(k) - hist(k + e) for k > e and real(k) = hist(k) for k <= e, so the real requests
-- above T are the histogram's samples in (T, max(T, e) + e]. latency(i) is the i-th distinct value and its count;
-- the loop walks down from the largest. Needs CONNECTIONS (wrk's -c) and a --timeout above OVER_MS (slower requests
-- are not in the histogram at all; wrk counts them as timeouts).
function done(summary, latency, requests)
  local over_us = tonumber(os.getenv("OVER_MS") or "2000") * 1000
  local connections = tonumber(os.getenv("CONNECTIONS") or "0")
  local per_connection = connections > 0 and math.floor(summary.requests / connections) or 0
  local e = per_connection > 0 and math.floor(summary.duration / per_connection) or 0
  local upper = math.max(over_us, e) + e
  local over = 0
  for i = #latency, 1, -1 do
    local value, count = latency(i)
    if value <= over_us then break end
    if e == 0 or value <= upper then over = over + count end
  end
  io.write(string.format("Requests over %d ms: %d\n", over_us / 1000, over))
end
