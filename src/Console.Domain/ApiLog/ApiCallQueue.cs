using System.Threading.Channels;

namespace EcsConsole.Domain.ApiLog;

/// <summary>
/// The API log's hand-over (ADR-013): an API call puts its record here and answers at once; a background writer drains
/// it in batches (<see cref="ApiCallLogWriter"/>). Bounded: when the writer falls behind by <see cref="Capacity"/>
/// records, new ones are dropped and counted (<see cref="Dropped"/>) — a log may lose lines, a call must never wait.
/// </summary>
public sealed class ApiCallQueue
{
    public const int Capacity = 10_000;

    private readonly Channel<ApiCallRecord> _channel;
    private readonly Lock _gate = new();
    private long _queued;
    private long _settled;
    private long _dropped;
    private TaskCompletionSource _progress = NewSignal();

    public ApiCallQueue()
    {
        _channel = Channel.CreateBounded<ApiCallRecord>(
            new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true },
            _ =>
            {
                Interlocked.Increment(ref _dropped);
                Settle(1);
            });
    }

    /// <summary>How many records were dropped because the writer was behind.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>The writer's end.</summary>
    public ChannelReader<ApiCallRecord> Reader => _channel.Reader;

    /// <summary>Hands a record to the writer without waiting (dropped when the queue is full).</summary>
    public void Record(ApiCallRecord record)
    {
        Interlocked.Increment(ref _queued);
        if (!_channel.Writer.TryWrite(record))
        {
            Settle(1);
        }
    }

    /// <summary>The writer says <paramref name="count"/> records are written (or given up on).</summary>
    public void Settle(int count)
    {
        Interlocked.Add(ref _settled, count);
        TaskCompletionSource done;
        lock (_gate)
        {
            done = _progress;
            _progress = NewSignal();
        }

        done.TrySetResult();
    }

    /// <summary>Waits until every record handed over before this call is written (tests, and a graceful stop).</summary>
    public async Task FlushAsync(CancellationToken ct = default)
    {
        var target = Interlocked.Read(ref _queued);
        while (Interlocked.Read(ref _settled) < target)
        {
            Task next;
            lock (_gate)
            {
                next = _progress.Task;
            }

            if (Interlocked.Read(ref _settled) >= target)
            {
                break;
            }

            await next.WaitAsync(ct);
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
