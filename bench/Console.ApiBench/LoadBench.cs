using System.Diagnostics;

/// <summary>
/// Throughput of a running console (a node, or the cluster's proxy, issue #19): <c>connections</c> concurrent loops,
/// each sending V3-signed DescribeImages (public system images, a page of 50, a fresh nonce per call) for
/// <c>seconds</c>, then requests per second, latency percentiles and how many were not 2xx. Usage:
///   dotnet run -c Release --project bench/Console.ApiBench -- --load http://localhost:8080 [--seconds 10] [--connections 16]
/// </summary>
internal static class LoadBench
{
    public static async Task RunAsync(Uri url, int seconds, int connections)
    {
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = connections, UseCookies = false }) { BaseAddress = url };
        var signer = new Signer("LTAI5tDemoAlice000000001", "DemoAliceSecret000000000000000001", url.Authority);
        var query = new Dictionary<string, string> { ["RegionId"] = "cn-hangzhou", ["ImageOwnerAlias"] = "system", ["PageSize"] = "50" };
        for (var i = 0; i < 50; i++)
        {
            using var warm = await http.SendAsync(signer.Sign("DescribeImages", query));
            await warm.Content.ReadAsByteArrayAsync();
        }

        var stop = Stopwatch.StartNew();
        var until = TimeSpan.FromSeconds(seconds);
        var loops = Enumerable.Range(0, connections).Select(_ => Task.Run(async () =>
        {
            var times = new List<double>();
            var failed = 0;
            while (stop.Elapsed < until)
            {
                var watch = Stopwatch.StartNew();
                using var response = await http.SendAsync(signer.Sign("DescribeImages", query));
                await response.Content.ReadAsByteArrayAsync();
                times.Add(watch.Elapsed.TotalMilliseconds);
                failed += response.IsSuccessStatusCode ? 0 : 1;
            }

            return (times, failed);
        })).ToList();
        var results = await Task.WhenAll(loops);
        var elapsed = stop.Elapsed.TotalSeconds;
        var all = results.SelectMany(r => r.times).Order().ToArray();
        double At(double p) => all[Math.Min(all.Length - 1, (int)Math.Ceiling(p * all.Length) - 1)];
        System.Console.WriteLine($"DescribeImages (system images, 50 a page, V3-signed, fresh nonce) against {url}, {connections} connections, {seconds} s:");
        System.Console.WriteLine($"{all.Length / elapsed,10:F0} req/s   p50 {At(0.50):F1} ms   p95 {At(0.95):F1} ms   p99 {At(0.99):F1} ms   max {all[^1]:F1} ms   not 2xx: {results.Sum(r => r.failed)} of {all.Length}");
    }
}
