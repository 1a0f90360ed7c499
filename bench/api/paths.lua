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

-- Requests slower than OVER_MS (default 2000) milliseconds, counted exactly: wrk keeps the latency distribution as one
-- counter per microsecond up to its --timeout (latency[i] is how many took i - 1 us; a request slower than the timeout
-- is not in it but counted as a timeout error). Printed as "Requests over 2000 ms: N" for WrkBench to read; with the
-- default --timeout of 2 s the count is always 0 and the slow requests are in the timeouts.
function done(summary, latency, requests)
  local over_us = tonumber(os.getenv("OVER_MS") or "2000") * 1000
  local over = 0
  for i = over_us + 2, latency.max + 1 do
    over = over + latency[i]
  end
  io.write(string.format("Requests over %d ms: %d\n", over_us / 1000, over))
end
