-- wrk script: POST a message to the bench channel; every request carries a different text.
local counter = 0
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("BENCH_TOKEN")

request = function()
  counter = counter + 1
  local body = '{"content":"Benchmark message number ' .. counter .. ' from wrk"}'
  return wrk.format(nil, nil, nil, body)
end
