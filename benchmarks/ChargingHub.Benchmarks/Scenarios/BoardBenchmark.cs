using System.Diagnostics;
using System.Net;
using System.Text;
using ChargingHub.Ocpp;

namespace ChargingHub.Benchmarks.Scenarios;

/// <summary>
/// The web UI's board (<c>/</c>) with 50 chargers x 2 connectors, signed in as the admin: server-side render time,
/// the bytes a first visit transfers (compressed, page and every asset it links), and how long a connector's status
/// change takes to reach an open board over its Server-Sent Events stream.
/// </summary>
internal sealed class BoardBenchmark : IBenchmark
{
    public string Name => "board";

    public string Description => "web UI board, 50 chargers x 2 connectors: render p95 (<= 20 ms), first-load bytes (<= 200 KB), status to board (<= 1 s)";

    public async Task<BenchReport> RunAsync(BenchOptions options, CancellationToken ct)
    {
        var chargers = options.GetInt("chargers", 50);
        var renders = options.GetInt("renders", 200);
        var changes = options.GetInt("changes", 30);
        var report = new BenchReport(Name,
            $"{chargers} chargers x 2 connectors, signed in as admin; {renders} sequential renders of /, {changes} status changes watched on /board/events");

        await using var hub = HubProcess.StartHub(options);
        await hub.WaitUntilHealthyAsync(TimeSpan.FromSeconds(60), ct);
        var fleet = await ChargerFleet.ConnectAsync(hub.OcppUrl, chargers, i => $"board-{i:00}", _ => OcppVersion.V16, 25, boot: true, ct);
        try
        {
            foreach (var charger in fleet)
            {
                await charger.CallAsync(Frames.Status16(1, "Available"), TimeSpan.FromSeconds(30));
                await charger.CallAsync(Frames.Status16(2, "Available"), TimeSpan.FromSeconds(30));
            }

            var cookies = new CookieContainer();
            using var browser = Browser(hub, cookies, decompress: true);
            await SignInAsync(browser, hub.AdminPassword, ct);

            // Render time: the whole response of the board page, read to its last byte.
            var times = new List<double>();
            for (var i = 0; i < 20 + renders; i++)
            {
                var started = Stopwatch.GetTimestamp();
                using var response = await browser.GetAsync("/", ct);
                var html = await response.Content.ReadAsStringAsync(ct);
                var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                if (response.StatusCode != HttpStatusCode.OK || !html.Contains("board-00", StringComparison.Ordinal))
                {
                    throw new BenchmarkException($"The board did not render the chargers (HTTP {(int)response.StatusCode}).");
                }

                if (i >= 20)
                {
                    times.Add(elapsed);
                }
            }

            // First load: the page and what it links, as a browser would fetch them (br/gzip accepted, nothing cached).
            using var firstVisit = Browser(hub, cookies, decompress: false);
            var (bytes, files, uncompressed) = await FirstLoadAsync(firstVisit, ct);

            // Status to board: a charger reports a change; the open board's event stream carries its tile.
            var delays = await StatusToBoardAsync(hub, cookies, fleet, changes, ct);

            var p95 = Stats.Percentile(times, 95);
            report.Add("board render p50", "renderP50Ms", Stats.Percentile(times, 50), "ms", 2);
            report.AddTarget("board render p95", "renderP95Ms", p95, "ms", "<= 20 ms", p95 <= 20, 2);
            report.AddTarget("first load, transferred", "firstLoadKB", bytes / 1024.0, "KB", "<= 200 KB", bytes <= 200 * 1024, 1);
            report.Add("  files / uncompressed", "firstLoadFiles", files, "files");
            report.AddRaw("firstLoadUncompressedKB", Math.Round(uncompressed / 1024.0, 1));
            report.Add("status change to board p50", "statusToBoardP50Ms", Stats.Percentile(delays, 50), "ms");
            report.AddTarget("status change to board max", "statusToBoardMaxMs", delays.Max(), "ms", "<= 1000 ms", delays.Max() <= 1000 && delays.Count == changes);
            report.Note($"first load: {files} files, {uncompressed / 1024.0:N1} KB before compression; render time is the whole HTTP response on loopback, read to its last byte");
            return report;
        }
        finally
        {
            await ChargerFleet.CloseAsync(fleet);
        }
    }

    private static HttpClient Browser(HubProcess hub, CookieContainer cookies, bool decompress) =>
        new(new SocketsHttpHandler
        {
            CookieContainer = cookies,
            AllowAutoRedirect = false,
            AutomaticDecompression = decompress ? DecompressionMethods.All : DecompressionMethods.None,
        })
        {
            BaseAddress = new Uri($"http://127.0.0.1:{hub.Port}"),
            Timeout = TimeSpan.FromSeconds(30),
        };

    /// <summary>Signs in through the real login form (its antiforgery token included).</summary>
    private static async Task SignInAsync(HttpClient browser, string password, CancellationToken ct)
    {
        var form = await browser.GetStringAsync("/login", ct);
        var fields = new Dictionary<string, string>
        {
            ["_handler"] = HiddenValue(form, "_handler") ?? "login",
            ["__RequestVerificationToken"] = HiddenValue(form, "__RequestVerificationToken")
                ?? throw new BenchmarkException("The login page has no antiforgery token."),
            ["Form.UserName"] = "admin",
            ["Form.Password"] = password,
            ["Form.ReturnUrl"] = "",
        };
        using var response = await browser.PostAsync("/login", new FormUrlEncodedContent(fields), ct);
        if ((int)response.StatusCode is < 300 or >= 400)
        {
            throw new BenchmarkException($"Signing in as admin failed (HTTP {(int)response.StatusCode}).");
        }
    }

    private static string? HiddenValue(string html, string name)
    {
        var at = html.IndexOf($"name=\"{name}\"", StringComparison.Ordinal);
        if (at < 0)
        {
            return null;
        }

        var tagStart = html.LastIndexOf('<', at);
        var tagEnd = html.IndexOf('>', at);
        var tag = html[tagStart..tagEnd];
        var value = tag.IndexOf("value=\"", StringComparison.Ordinal);
        return value < 0 ? null : WebUtility.HtmlDecode(tag[(value + 7)..tag.IndexOf('"', value + 7)]);
    }

    /// <summary>The page plus every local stylesheet, script and font it (or its stylesheets) link, as transferred.</summary>
    private static async Task<(long Bytes, int Files, long Uncompressed)> FirstLoadAsync(HttpClient browser, CancellationToken ct)
    {
        var queue = new Queue<string>(["/"]);
        var seen = new HashSet<string>(StringComparer.Ordinal) { "/" };
        long bytes = 0, uncompressed = 0;
        var files = 0;
        while (queue.TryDequeue(out var path))
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.TryAddWithoutValidation("Accept-Encoding", "br, gzip");
            using var response = await browser.SendAsync(request, ct);
            if (!response.IsSuccessStatusCode)
            {
                continue;
            }

            var body = await response.Content.ReadAsByteArrayAsync(ct);
            bytes += body.Length;
            files++;
            var text = Decode(body, response.Content.Headers.ContentEncoding);
            uncompressed += text.Length;
            var isCss = path.EndsWith(".css", StringComparison.OrdinalIgnoreCase);
            if (path == "/" || isCss)
            {
                foreach (var link in Links(Encoding.UTF8.GetString(text), isCss))
                {
                    var absolute = new Uri(new Uri("http://hub" + path), link).AbsolutePath;
                    if (seen.Add(absolute))
                    {
                        queue.Enqueue(absolute);
                    }
                }
            }
        }

        return (bytes, files, uncompressed);
    }

    private static byte[] Decode(byte[] body, ICollection<string> encodings)
    {
        Stream stream = new MemoryStream(body);
        if (encodings.Contains("br"))
        {
            stream = new System.IO.Compression.BrotliStream(stream, System.IO.Compression.CompressionMode.Decompress);
        }
        else if (encodings.Contains("gzip"))
        {
            stream = new System.IO.Compression.GZipStream(stream, System.IO.Compression.CompressionMode.Decompress);
        }

        using var output = new MemoryStream();
        stream.CopyTo(output);
        stream.Dispose();
        return output.ToArray();
    }

    /// <summary>Local links a browser fetches on load: stylesheets and scripts in HTML, fonts in CSS.</summary>
    private static IEnumerable<string> Links(string text, bool css)
    {
        var markers = css ? new[] { "url(" } : ["<link ", "<script "];
        foreach (var marker in markers)
        {
            for (var at = text.IndexOf(marker, StringComparison.OrdinalIgnoreCase); at >= 0; at = text.IndexOf(marker, at + 1, StringComparison.OrdinalIgnoreCase))
            {
                string? link;
                if (css)
                {
                    var end = text.IndexOf(')', at);
                    link = text[(at + 4)..end].Trim().Trim('"', '\'');
                    if (!link.Contains(".woff2", StringComparison.OrdinalIgnoreCase))
                    {
                        continue; // a browser picks the first format it supports
                    }
                }
                else
                {
                    var tag = text[at..text.IndexOf('>', at)];
                    if (marker == "<link " && !tag.Contains("stylesheet", StringComparison.OrdinalIgnoreCase) && !tag.Contains("preload", StringComparison.OrdinalIgnoreCase))
                    {
                        continue;
                    }

                    var attribute = marker == "<link " ? "href=\"" : "src=\"";
                    var start = tag.IndexOf(attribute, StringComparison.OrdinalIgnoreCase);
                    if (start < 0)
                    {
                        continue;
                    }

                    link = tag[(start + attribute.Length)..tag.IndexOf('"', start + attribute.Length)];
                }

                link = link.Split('?', '#')[0];
                if (link.Length > 0 && !link.StartsWith("http", StringComparison.OrdinalIgnoreCase) && !link.StartsWith("data:", StringComparison.OrdinalIgnoreCase))
                {
                    yield return link;
                }
            }
        }
    }

    private static async Task<List<double>> StatusToBoardAsync(HubProcess hub, CookieContainer cookies, List<RawCharger> fleet, int changes, CancellationToken ct)
    {
        using var stream = Browser(hub, cookies, decompress: true);
        stream.Timeout = Timeout.InfiniteTimeSpan;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/board/events");
        request.Headers.Accept.ParseAdd("text/event-stream");
        using var response = await stream.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
        response.EnsureSuccessStatusCode();
        var arrivals = new Dictionary<string, TaskCompletionSource<long>>(StringComparer.Ordinal);
        var gate = new Lock();
        var reading = Task.Run(async () =>
        {
            using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(stop.Token));
            while (await reader.ReadLineAsync(stop.Token) is { } line)
            {
                if (line.StartsWith("event: ", StringComparison.Ordinal))
                {
                    var name = line["event: ".Length..];
                    lock (gate)
                    {
                        if (arrivals.Remove(name, out var waiter))
                        {
                            waiter.TrySetResult(Stopwatch.GetTimestamp());
                        }
                    }
                }
            }
        }, stop.Token);

        // Let the stream send what it sends on connecting before anything is timed.
        await Task.Delay(TimeSpan.FromSeconds(2), ct);
        var delays = new List<double>();
        for (var i = 0; i < changes; i++)
        {
            var charger = fleet[i % fleet.Count];
            var arrived = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
            lock (gate)
            {
                arrivals["charger-" + charger.Id] = arrived;
            }

            var sent = Stopwatch.GetTimestamp();
            await charger.CallAsync(Frames.Status16(1, i / fleet.Count % 2 == 0 ? "Preparing" : "Available"), TimeSpan.FromSeconds(30));
            try
            {
                var at = await arrived.Task.WaitAsync(TimeSpan.FromSeconds(5), ct);
                delays.Add(Stopwatch.GetElapsedTime(sent, at).TotalMilliseconds);
            }
            catch (TimeoutException)
            {
                // Counted as missing: fewer delays than changes fails the target.
            }

            await Task.Delay(200, ct);
        }

        await stop.CancelAsync();
        try
        {
            await reading;
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or HttpRequestException)
        {
            // The stream was stopped.
        }

        return delays;
    }
}
