using System.Collections.Concurrent;

namespace EcsConsole.Web.Api;

/// <summary>
/// Signature nonces seen in the last <see cref="Window"/>, per AccessKey: a repeat is a replay (<c>SignatureNonceUsed</c>).
/// In memory: a replay across a restart would also fail the timestamp window once the window has passed.
/// </summary>
public sealed class NonceCache(TimeProvider time)
{
    /// <summary>As long as the timestamp window on either side: a nonce older than that is refused by its timestamp.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(30);

    private readonly ConcurrentDictionary<string, DateTimeOffset> _seen = new(StringComparer.Ordinal);
    private DateTimeOffset _nextSweep = DateTimeOffset.MinValue;

    /// <summary>True when the nonce is new (and is now remembered); false on a replay.</summary>
    public bool TryUse(string accessKeyId, string nonce)
    {
        var now = time.GetUtcNow();
        if (now >= _nextSweep)
        {
            _nextSweep = now + TimeSpan.FromMinutes(1);
            foreach (var (key, expires) in _seen)
            {
                if (expires <= now)
                {
                    _seen.TryRemove(key, out _);
                }
            }
        }

        return _seen.TryAdd(accessKeyId + "\n" + nonce, now + Window);
    }
}
