namespace EcsConsole.Domain.Common;

/// <summary>A resource whose status or progress changed: what pages that show it need to refresh.</summary>
/// <param name="Kind">What kind of resource it is.</param>
/// <param name="ResourceId">The ECS ID.</param>
/// <param name="RegionId">The region it lives in.</param>
/// <param name="AccountId">The owning account, when there is one.</param>
public sealed record ResourceChange(ResourceKind Kind, string ResourceId, string RegionId, string? AccountId);

/// <summary>Carries the changes published on this node to the other nodes of a cluster (ADR-019: PostgreSQL NOTIFY).</summary>
public interface IChangeRelay
{
    /// <summary>Sends the change on; never blocks the publisher and never throws.</summary>
    void Send(ResourceChange change);
}

/// <summary>
/// Change notification (architecture.md, mechanism 9): services and the task runner publish after they commit; pages
/// subscribe and re-render. Nothing polls the database from a page. Handlers run on the publisher's thread: a page
/// marshals back to its circuit with <c>InvokeAsync</c>, and a throwing handler never breaks the publisher or the other
/// handlers. With a <see cref="IChangeRelay"/> (several nodes on PostgreSQL) a change published here also reaches the
/// other nodes, whose relay hands it to their notifier with <see cref="Deliver"/>.
/// </summary>
public sealed class ChangeNotifier
{
    private readonly Lock _gate = new();
    private ImmutableHandlers _handlers = new([]);
    private IChangeRelay? _relay;

    /// <summary>From now on, changes published here are also sent to the other nodes through <paramref name="relay"/>.</summary>
    public void RelayTo(IChangeRelay relay) => _relay = relay;

    /// <summary>Listens until the returned handle is disposed.</summary>
    public IDisposable Subscribe(Action<ResourceChange> handler)
    {
        lock (_gate)
        {
            _handlers = new ImmutableHandlers([.. _handlers.Items, handler]);
        }

        return new Subscription(this, handler);
    }

    /// <summary>A change committed on this node: its subscribers here, then the other nodes.</summary>
    public void Publish(ResourceChange change)
    {
        Deliver(change);
        _relay?.Send(change);
    }

    /// <summary>A change to hand to this node's subscribers only (one another node published).</summary>
    public void Deliver(ResourceChange change)
    {
        foreach (var handler in _handlers.Items)
        {
            try
            {
                handler(change);
            }
            catch (Exception)
            {
                // A subscriber's failure is its own (pages dispatch their exceptions to their circuit).
            }
        }
    }

    private void Unsubscribe(Action<ResourceChange> handler)
    {
        lock (_gate)
        {
            _handlers = new ImmutableHandlers([.. _handlers.Items.Where(h => h != handler)]);
        }
    }

    private sealed record ImmutableHandlers(Action<ResourceChange>[] Items);

    private sealed class Subscription(ChangeNotifier owner, Action<ResourceChange> handler) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                owner.Unsubscribe(handler);
            }
        }
    }
}
