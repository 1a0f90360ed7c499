using System.Security.Cryptography;
using System.Xml.Linq;
using EcsConsole.Domain.Persistence;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace EcsConsole.Web.Infrastructure;

/// <summary>
/// Start-up, after the database is migrated: a Data Protection key ring written before it was encrypted (keys whose
/// master key is stored in clear in DataProtectionKeys) is replaced. A new key, encrypted with the key-ring certificate
/// and active at once, re-protects every AccessKey secret; the clear keys are revoked and deleted, so that nothing in
/// the database file decrypts without the certificate. Cookies and antiforgery tokens issued with the old keys stop
/// being valid (users sign in again): acceptable for this one-off upgrade.
/// </summary>
internal sealed class KeyRingUpgrade(
    IDbContextFactory<ConsoleDbContext> dbFactory,
    IKeyManager keyManager,
    IOptions<KeyManagementOptions> keyOptions,
    IDataProtectionProvider dataProtection,
    TimeProvider time,
    ILogger<KeyRingUpgrade> logger)
{
    /// <summary>
    /// Replaces the unencrypted keys, if any; returns how many were replaced. Runs before anything else in the process
    /// has loaded the key ring: the key ring provider answers with its cached ring while it refreshes in the background,
    /// so the new key and the revocations are written first and the first load then sees them.
    /// </summary>
    public async Task<int> UpgradeAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // Read with a plain command (DatabaseXmlRepository): on every start but the one that upgrades this is the process's
        // first query, and as a LINQ query it compiled EF Core's query pipeline on start-up's path (about 0.2 s of issue
        // #20's cold start); the background services' first queries pay that beside the first requests instead.
        if (!DatabaseXmlRepository.Rows(db).Any(IsUnencryptedKey))
        {
            return 0;
        }

        var unencrypted = (await db.DataProtectionKeys.ToListAsync(ct)).Where(row => IsUnencryptedKey(row.Xml)).ToList();

        // The new key is written encrypted (the configured XML encryptor); with the clear keys revoked it is the only one
        // Protect can choose.
        var now = time.GetUtcNow();
        var newKey = keyManager.CreateNewKey(activationDate: now, expirationDate: now + keyOptions.Value.NewKeyLifetime);
        foreach (var key in unencrypted)
        {
            keyManager.RevokeKey(KeyId(key), "Stored unencrypted: replaced by a key encrypted with the key-ring certificate");
        }

        var protector = (IPersistedDataProtector)dataProtection.CreateProtector(DataProtectionSecretProtector.Purpose);
        var accessKeys = await db.AccessKeys.ToListAsync(ct);
        var reprotected = 0;
        foreach (var key in accessKeys)
        {
            byte[] secret;
            try
            {
                // The old keys are revoked now but still in the ring: read through the revocation.
                secret = protector.DangerousUnprotect(WebEncoders.Base64UrlDecode(key.ProtectedSecret), ignoreRevocationErrors: true, out _, out _);
            }
            catch (Exception e) when (e is CryptographicException or FormatException)
            {
                // Unreadable already (e.g. its key was lost): re-protecting cannot help, calls signed with it keep failing.
                logger.LogWarning(e, "The secret of AccessKey {AccessKeyId} cannot be read: left as it is", key.Id);
                continue;
            }

            var payload = protector.Protect(secret);
            if (!ProtectedWith(payload, newKey.KeyId))
            {
                throw new InvalidOperationException("The Data Protection key ring was loaded before the key-ring upgrade ran: it must run first at start-up");
            }

            db.Entry(key).Property(k => k.ProtectedSecret).CurrentValue = WebEncoders.Base64UrlEncode(payload);
            reprotected++;
        }

        // The revocation records stay (a node still holding the old keys in memory sees them); the keys go.
        db.DataProtectionKeys.RemoveRange(unencrypted);
        await db.SaveChangesAsync(ct);
        logger.LogWarning(
            "Replaced {KeyCount} unencrypted Data Protection key(s) with a key encrypted with the key-ring certificate and re-protected {SecretCount} AccessKey secret(s); earlier sign-in cookies are no longer valid",
            unencrypted.Count, reprotected);
        return unencrypted.Count;
    }

    /// <summary>A Data Protection payload starts with a 4-byte magic header followed by the ID of the key that protected it.</summary>
    private static bool ProtectedWith(byte[] payload, Guid keyId) => payload.Length >= 20 && new Guid(payload.AsSpan(4, 16)) == keyId;

    /// <summary>A <c>&lt;key&gt;</c> element whose descriptor is not an <c>encryptedSecret</c> (its master key is in clear).</summary>
    private static bool IsUnencryptedKey(string? xml)
    {
        if (string.IsNullOrEmpty(xml))
        {
            return false;
        }

        var element = XElement.Parse(xml);
        return element.Name.LocalName == "key"
            && (element.Descendants().Any(e => e.Name.LocalName == "masterKey")
                || !element.Descendants().Any(e => e.Name.LocalName == "encryptedSecret"));
    }

    private static Guid KeyId(DataProtectionKey row) => Guid.Parse(XElement.Parse(row.Xml!).Attribute("id")!.Value);
}
