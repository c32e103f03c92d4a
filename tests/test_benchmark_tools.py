"""The benchmark (bench/, run by hand) reads wrk's figures right and refuses runs with failed requests."""

import pytest

from bench.run import without_database
from bench.server import BenchError, parse_wrk

WRK_OUTPUT = """Running 10s test @ http://127.0.0.1:8000/en/
  2 threads and 8 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency   651.02ms  120.33ms   1.20s    70.00%
    Req/Sec     6.10      3.20    20.00     80.00%
  Latency Distribution
     50%  650.90ms
     75%  700.00ms
     90%  800.00ms
     99%    1.20s
  121 requests in 10.01s, 1.00MB read
Requests/sec:     12.09
Transfer/sec:    102.40KB
"""


def test_wrk_figures_are_read_in_milliseconds():
    result = parse_wrk(WRK_OUTPUT, "/en/")
    assert result.requests_per_second == 12.09
    assert result.p50_ms == 650.90
    assert result.p99_ms == 1200.0
    assert result.requests == 121


def test_microseconds_are_converted():
    output = WRK_OUTPUT.replace("50%  650.90ms", "50%  812.00us")
    assert parse_wrk(output, "/static/x.html").p50_ms == pytest.approx(0.812)


def test_a_run_with_failed_requests_stops_the_benchmark():
    output = WRK_OUTPUT.replace("Requests/sec:", "  Non-2xx or 3xx responses: 3\nRequests/sec:")
    with pytest.raises(BenchError, match="3 of 121 requests to /en/ did not succeed"):
        parse_wrk(output, "/en/")


def test_a_run_with_socket_errors_stops_the_benchmark():
    output = WRK_OUTPUT.replace("Requests/sec:", "  Socket errors: connect 0, read 0, write 0, timeout 2\nRequests/sec:")
    with pytest.raises(BenchError, match="socket errors"):
        parse_wrk(output, "/en/")


def test_output_without_figures_is_refused():
    with pytest.raises(BenchError, match="Could not read wrk's output"):
        parse_wrk("unable to connect to 127.0.0.1:8000 Connection refused", "/en/")


def test_each_database_process_gets_the_options_but_not_the_database_choice():
    assert without_database(["--quick", "--database", "both", "--seconds", "5"]) == ["--quick", "--seconds", "5"]
    assert without_database(["--database=sqlite", "--runs", "1"]) == ["--runs", "1"]
