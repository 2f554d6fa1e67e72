namespace ChargingHub.Web.Tests.Ui;

/// <summary>Debian's Chromium, which the browser tests drive (Playwright's own browser downloads are not used).</summary>
public static class Chromium
{
    private const string DebianPath = "/usr/bin/chromium";

    public static readonly string[] Args =
        ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

    /// <summary>/usr/bin/chromium, else the first chromium on PATH; fails with the install command when there is none.</summary>
    public static string Find()
    {
        if (File.Exists(DebianPath))
        {
            return DebianPath;
        }

        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var name in new[] { "chromium", "chromium-browser" })
            {
                var candidate = Path.Combine(dir, name);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        throw new InvalidOperationException("Chromium is needed for the browser tests: apt-get install chromium (test.sh does this).");
    }
}
