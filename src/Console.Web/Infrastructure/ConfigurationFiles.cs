namespace EcsConsole.Web.Infrastructure;

/// <summary>
/// How the console notices an edited <c>appsettings*.json</c> (issue #20). ASP.NET Core's default watches the content
/// root with a <see cref="FileSystemWatcher"/> — on Linux an inotify watch on every directory below it — and the SQLite
/// database lives there (<c>Data Source=ecsconsole.db</c>): each write of the database, its write-ahead log or its
/// shared memory woke the watcher's thread, which read the event and matched its name against the watched files. Under
/// wrk that was about a third of an API call's CPU. The file providers poll instead: every 4 seconds, only the files a
/// watch asks about (the settings files), so an edited setting still reloads. A process that sets
/// <c>DOTNET_USE_POLLING_FILE_WATCHER</c> itself keeps its choice.
/// </summary>
internal static class ConfigurationFiles
{
    /// <summary>The variable each <c>PhysicalFileProvider</c> reads when it is made.</summary>
    public const string PollingVariable = "DOTNET_USE_POLLING_FILE_WATCHER";

    /// <summary>Before the host builder is made: its file providers poll for changes instead of watching directories.</summary>
    public static void PollForChanges()
    {
        if (Environment.GetEnvironmentVariable(PollingVariable) is null)
        {
            Environment.SetEnvironmentVariable(PollingVariable, "true");
        }
    }
}
