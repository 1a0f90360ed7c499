using EcsConsole.Domain.Accounts;
using Microsoft.AspNetCore.DataProtection;

namespace EcsConsole.Web.Infrastructure;

/// <summary>Protects AccessKey secrets with ASP.NET Core Data Protection (key ring kept in the database).</summary>
internal sealed class DataProtectionSecretProtector(IDataProtectionProvider provider) : ISecretProtector
{
    private readonly IDataProtector _protector = provider.CreateProtector("EcsConsole.AccessKeySecret.v1");

    public string Protect(string secret) => _protector.Protect(secret);

    public string Unprotect(string protectedSecret) => _protector.Unprotect(protectedSecret);
}
