namespace EcsConsole.E2E.Support;

/// <summary>The repository the tests run from (screenshots and the Node SDK live under it).</summary>
public static class Repository
{
    public static string Root()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Console.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Console.sln not found above the test binaries");
    }
}
