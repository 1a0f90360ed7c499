namespace EcsConsole.Tests.Support;

/// <summary>
/// PostgreSQL test databases made ahead and dropped behind (ADR-017): a worker thread keeps <see cref="Ready"/> copies of
/// each template a test has asked for, and drops the databases tests are done with, so a test neither waits for a copy
/// (it renames a ready one) nor for a drop. Creating and dropping a database took about 0.45 s of every test's time
/// before; on a 2-core machine it was most of the PostgreSQL pass.
/// </summary>
internal static class DatabasePool
{
    private const int Ready = 2;

    private static readonly Lock Gate = new();
    private static readonly Dictionary<string, Queue<string>> ReadyCopies = [];
    private static readonly Queue<string> ToDrop = new();
    private static readonly SemaphoreSlim Work = new(0);
    private static Thread? _worker;
    private static volatile bool _stopping;

    /// <summary>A ready copy of <paramref name="template"/>, or null (then one is made for next time).</summary>
    public static string? TryTake(string template)
    {
        string? taken = null;
        lock (Gate)
        {
            if (!ReadyCopies.TryGetValue(template, out var copies))
            {
                ReadyCopies[template] = copies = new Queue<string>();
            }

            if (copies.Count > 0)
            {
                taken = copies.Dequeue();
            }

            EnsureWorker();
        }

        Work.Release();
        return taken;
    }

    public static void DropLater(string database)
    {
        lock (Gate)
        {
            ToDrop.Enqueue(database);
            EnsureWorker();
        }

        Work.Release();
    }

    /// <summary>At the end of the run: the worker stops, what is left is dropped now (leftovers of a killed run are dropped by the next).</summary>
    public static void Stop()
    {
        _stopping = true;
        Work.Release();
        _worker?.Join(TimeSpan.FromSeconds(5));
        List<string> left;
        lock (Gate)
        {
            left = [.. ToDrop, .. ReadyCopies.Values.SelectMany(q => q)];
            ToDrop.Clear();
            foreach (var copies in ReadyCopies.Values)
            {
                copies.Clear();
            }
        }

        foreach (var database in left)
        {
            TryDrop(database);
        }
    }

    private static void EnsureWorker()
    {
        if (_worker is null)
        {
            _worker = new Thread(Run) { IsBackground = true, Name = "test-database-pool" };
            _worker.Start();
        }
    }

    private static void Run()
    {
        while (!_stopping)
        {
            Work.Wait(TimeSpan.FromSeconds(1));
            while (!_stopping && NextJob() is { } job)
            {
                job();
            }
        }
    }

    /// <summary>Copies first (a test may be waiting for one), then drops.</summary>
    private static Action? NextJob()
    {
        lock (Gate)
        {
            foreach (var (template, copies) in ReadyCopies)
            {
                if (copies.Count < Ready)
                {
                    return () => MakeCopy(template);
                }
            }

            if (ToDrop.Count > 0)
            {
                var database = ToDrop.Dequeue();
                return () => TryDrop(database);
            }
        }

        return null;
    }

    private static void MakeCopy(string template)
    {
        var name = TestProvider.NewDatabaseName();
        try
        {
            TestProvider.Copy(template, name);
        }
        catch (Npgsql.PostgresException)
        {
            // The template was busy for a moment (a test being set up): the next turn tries again.
            Thread.Sleep(50);
            return;
        }

        lock (Gate)
        {
            ReadyCopies[template].Enqueue(name);
        }
    }

    private static void TryDrop(string database)
    {
        try
        {
            TestProvider.Execute($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
        }
        catch (Npgsql.NpgsqlException)
        {
            // Left for the next run's clean-up of ended runs (TestProvider).
        }
    }
}
