using EcsConsole.Domain.Permissions;

namespace EcsConsole.Domain.Common;

/// <summary>Which right a write asks of its actor, re-read inside the write's transaction (ADR-007, ADR-008).</summary>
public enum WriteRight
{
    /// <summary>
    /// Checked by the body, on the write's context, once it has found what it changes (<see cref="WriteScope.CheckCanWriteAsync"/>,
    /// <see cref="Access.OwnedImageForWriteAsync(ConsoleDbContext, Actor, TimeProvider, string, string, CancellationToken)"/>):
    /// for the writes whose NotFound wins over Forbidden.
    /// </summary>
    None,

    /// <summary>The actor still exists, is not locked out and, in an account, still a member of it (its own AccessKeys).</summary>
    SignedIn,

    /// <summary><see cref="Access.CheckCanWrite(Actor)"/> on the actor as the database knows it now.</summary>
    CanWrite,

    /// <summary>An Admin of its account, as the database knows it now.</summary>
    AccountAdmin,

    /// <summary>The platform admin, as the database knows it now.</summary>
    PlatformAdmin,
}

/// <summary>
/// What a write is audited against: the action, the resource's kind, its ID (null when none yet) and region.
/// <paramref name="Outcome"/> records an error on an entry of a committed write (an injected fault that fired: the call
/// failed, what the write did — taking the fault — stays); null records the write's own outcome.
/// </summary>
public sealed record AuditTarget(string Action, ResourceKind Kind, string? ResourceId, string? RegionId, EcsError? Outcome = null);

/// <summary>
/// The open write a body works in: its context (inside the serialising transaction), the actor as the database knows it
/// now, the time, and what the body says is to be audited and published.
/// </summary>
public sealed class WriteScope
{
    private readonly List<AuditTarget> _audits = [];
    private readonly List<ResourceChange> _changes = [];
    private readonly TimeProvider _time;

    internal WriteScope(ConsoleDbContext db, Actor actor, TimeProvider time)
    {
        Db = db;
        Actor = actor;
        _time = time;
        Now = time.GetUtcNow();
    }

    public ConsoleDbContext Db { get; }

    /// <summary>The actor re-read inside the transaction (its role today); the claimed actor when the right is <see cref="WriteRight.None"/>.</summary>
    public Actor Actor { get; }

    /// <summary>The time of the write, read once.</summary>
    public DateTimeOffset Now { get; }

    internal IReadOnlyList<AuditTarget> Audits => _audits;

    /// <summary>Whom the audit entries name, when the body became someone else than the actor it was given (a sign-up's new Admin).</summary>
    internal Actor? AuditedActor { get; private set; }

    internal IReadOnlyList<ResourceChange> Changes => _changes;

    /// <summary>
    /// Audits the write against <paramref name="target"/>: with no error when it succeeds, with its error code when it is
    /// refused. A body that fails audits the one target its refusal names.
    /// </summary>
    public void Audit(AuditTarget target) => _audits.Add(target);

    /// <summary>
    /// Audits the write as <paramref name="actor"/> rather than as the actor the write was given: for a sign-up, whose
    /// new user is audited as the Admin of the account it has just been given.
    /// </summary>
    public void AuditAs(Actor actor) => AuditedActor = actor;

    /// <summary>Publishes <paramref name="change"/> once the write has committed (never for a refused write).</summary>
    public void Publish(ResourceChange change) => _changes.Add(change);

    /// <summary>Publishes each of <paramref name="changes"/> once the write has committed.</summary>
    public void Publish(IEnumerable<ResourceChange> changes) => _changes.AddRange(changes);

    /// <summary>Forgets what the body audited and would publish (a refusal found after the first targets were named).</summary>
    public void Reset()
    {
        _audits.Clear();
        _changes.Clear();
    }

    /// <summary>
    /// For a <see cref="WriteRight.None"/> write, once the body has found what it changes: null when the actor, re-read on
    /// this context, may create and change resources in its account; else <c>Forbidden</c> (or the lockout).
    /// </summary>
    public Task<EcsError?> CheckCanWriteAsync(CancellationToken ct) => Access.CheckCanWriteAsync(Db, Actor, _time, ct);
}
