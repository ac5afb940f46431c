-- wrk script of ./tfwh bench api: asks for JSON and prints one line of key=value figures in the
-- format of ApiLoad.java, so bench/api.sh reads both clients' results alike. Errors are socket
-- errors (connect, read, write, timeout) and every response that is not 2xx or 3xx.
wrk.headers["Accept"] = "application/json"
wrk.headers["User-Agent"] = "tfwh-bench-wrk"
-- TFWH_BENCH_ENCODING=gzip asks for the compressed representation, as browsers do.
if os.getenv("TFWH_BENCH_ENCODING") then
  wrk.headers["Accept-Encoding"] = os.getenv("TFWH_BENCH_ENCODING")
end

function done(summary, latency, requests)
  local e = summary.errors
  local errors = e.connect + e.read + e.write + e.status + e.timeout
  local seconds = summary.duration / 1e6
  io.write(string.format(
    "%sclient=wrk connections=%s seconds=%.1f requests=%d rps=%.0f p50_ms=%.2f p99_ms=%.2f"
      .. " max_ms=%.2f errors=%d (connect %d, read %d, write %d, timeout %d, non-2xx/3xx %d)\n",
    os.getenv("TFWH_BENCH_LABEL") and ("label=" .. os.getenv("TFWH_BENCH_LABEL") .. " ") or "",
    os.getenv("TFWH_BENCH_CONNECTIONS") or "?",
    seconds, summary.requests, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    errors, e.connect, e.read, e.write, e.timeout, e.status))
end
