-- wrk script: POST /api/v1/auth/app/login with the bench user's credentials.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"email":"' .. os.getenv("BENCH_EMAIL") .. '","password":"bench-password-1"}'
