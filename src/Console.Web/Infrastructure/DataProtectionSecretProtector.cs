using EcsConsole.Domain.Accounts;
using Microsoft.AspNetCore.DataProtection;

namespace EcsConsole.Web.Infrastructure;

/// <summary>Protects AccessKey secrets with ASP.NET Core Data Protection (key ring kept in the database).</summary>
internal sealed class DataProtectionSecretProtector(IDataProtectionProvider provider) : ISecretProtector
{
    /// <summary>The Data Protection application name: every node of one console shares it (and the key ring).</summary>
    public const string ApplicationName = "EcsConsole";

    /// <summary>The purpose AccessKey secrets are protected for.</summary>
    public const string Purpose = "EcsConsole.AccessKeySecret.v1";

    private readonly IDataProtector _protector = provider.CreateProtector(Purpose);

    public string Protect(string secret) => _protector.Protect(secret);

    public string Unprotect(string protectedSecret) => _protector.Unprotect(protectedSecret);
}
