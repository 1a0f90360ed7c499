using System.Text.Json;
using System.Threading.Channels;
using EcsConsole.Domain.Common;
using Npgsql;

namespace EcsConsole.Web.Infrastructure;

/// <summary>
/// Live updates across nodes on PostgreSQL (ADR-019): every change this node publishes is sent with
/// <c>pg_notify</c> on one channel, and every change another node sent is delivered to this node's
/// <see cref="ChangeNotifier"/>, so open pages everywhere refresh. One connection listens (reconnecting after a second
/// when it is lost); sending goes through a bounded queue, off the publisher's path, in batches. A change carries the
/// sending node's ID, so a node never delivers its own changes twice.
/// </summary>
internal sealed class PostgresChangeRelay(ChangeNotifier notifier, string connectionString, ILogger<PostgresChangeRelay> logger)
    : BackgroundService, IChangeRelay
{
    public const string Channel = "ecsconsole_changes";

    private static readonly TimeSpan ReconnectDelay = TimeSpan.FromSeconds(1);

    private readonly string _node = Guid.NewGuid().ToString("N");

    private readonly Channel<ResourceChange> _outbox = System.Threading.Channels.Channel.CreateBounded<ResourceChange>(
        new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

    /// <summary>Set once this node listens: a change sent before that could not come back to it anyway.</summary>
    public Task Listening => _listening.Task;

    private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>
    /// The listening connection's: out of the pool (it is held for the node's life), with a keepalive, so a connection
    /// the network dropped without a word is noticed while waiting (Npgsql sends the keepalive during
    /// <c>WaitAsync</c>) and listened on again.
    /// </summary>
    private string ListenerConnectionString => new NpgsqlConnectionStringBuilder(connectionString)
    {
        Pooling = false,
        KeepAlive = 15,
        ApplicationName = "ecsconsole-changes",
    }.ConnectionString;

    public void Send(ResourceChange change) => _outbox.Writer.TryWrite(change);

    /// <summary>
    /// Relaying starts with the host, before it takes requests: since .NET 10 <see cref="ExecuteAsync"/> runs on the thread
    /// pool after start-up returns, so a change committed by the node's first requests could otherwise go unsent.
    /// </summary>
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        notifier.RelayTo(this);
        return base.StartAsync(cancellationToken);
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(ListenAsync(stoppingToken), SendAsync(stoppingToken));

    private async Task ListenAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(ListenerConnectionString);
                await connection.OpenAsync(ct);
                connection.Notification += (_, e) => OnNotification(e.Payload);
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(ct);
                }

                _listening.TrySetResult();
                while (true)
                {
                    await connection.WaitAsync(ct);
                }
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (!ct.IsCancellationRequested)
            {
                // Whatever broke the connection (the server restarted, the network, a timeout), listen again: a hosted
                // service that threw would stop the whole node.
                logger.LogWarning(ex, "Listening for other nodes' changes failed; retrying in {Delay}", ReconnectDelay);
                await Task.Delay(ReconnectDelay, ct).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    private async Task SendAsync(CancellationToken ct)
    {
        try
        {
            while (await _outbox.Reader.WaitToReadAsync(ct))
            {
                var batch = new List<ResourceChange>();
                while (batch.Count < 500 && _outbox.Reader.TryRead(out var change))
                {
                    batch.Add(change);
                }

                try
                {
                    await using var connection = new NpgsqlConnection(connectionString);
                    await connection.OpenAsync(ct);
                    await using var notify = new NpgsqlBatch(connection);
                    foreach (var change in batch)
                    {
                        notify.BatchCommands.Add(new NpgsqlBatchCommand("SELECT pg_notify($1, $2)")
                        {
                            Parameters = { new() { Value = Channel }, new() { Value = Payload(change) } },
                        });
                    }

                    await notify.ExecuteNonQueryAsync(ct);
                }
                catch (Exception ex) when (!ct.IsCancellationRequested)
                {
                    // Pages on other nodes miss these refreshes; the data itself is committed.
                    logger.LogWarning(ex, "Sending {Count} changes to the other nodes failed", batch.Count);
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }

    private string Payload(ResourceChange change) =>
        JsonSerializer.Serialize(new Message(_node, change.Kind.ToString(), change.ResourceId, change.RegionId, change.AccountId));

    private void OnNotification(string payload)
    {
        try
        {
            if (JsonSerializer.Deserialize<Message>(payload) is { } message && message.Node != _node
                && Enum.TryParse<ResourceKind>(message.Kind, out var kind))
            {
                notifier.Deliver(new ResourceChange(kind, message.ResourceId, message.RegionId, message.AccountId));
            }
        }
        catch (JsonException ex)
        {
            logger.LogWarning(ex, "A change notification could not be read: {Payload}", payload);
        }
    }

    private sealed record Message(string Node, string Kind, string ResourceId, string RegionId, string? AccountId);
}
