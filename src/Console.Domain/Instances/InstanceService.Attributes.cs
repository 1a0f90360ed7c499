using EcsConsole.Domain.Images;

namespace EcsConsole.Domain.Instances;

/// <summary>ModifyInstanceAttribute: what it may change; a null member is left as it is.</summary>
public sealed record ModifyInstanceAttributeRequest
{
    public required string RegionId { get; init; }

    public required string InstanceId { get; init; }

    public string? InstanceName { get; init; }

    public string? Description { get; init; }

    public string? HostName { get; init; }

    /// <summary>The new logon password (VAL-PASS-01); never kept, only that one is set.</summary>
    public string? Password { get; init; }

    public bool? DeletionProtection { get; init; }

    /// <summary>New user data (Base64, ≤ 32 KB decoded, checked by the API): only while the instance is Stopped.</summary>
    public string? UserData { get; init; }

    /// <summary>The security groups to be in: the account has one (<see cref="DefaultNetwork"/>), so only it may be named.</summary>
    public IReadOnlyList<string> SecurityGroupIds { get; init; } = [];

    /// <summary>The new options of IPAR-37 from the current ones (checked for their values by the API); null: unchanged.</summary>
    public Func<InstanceSettings, InstanceSettings>? Settings { get; init; }
}

public sealed partial class InstanceService
{
    /// <summary>
    /// ModifyInstanceAttribute (INS-13): the name (<see cref="InstanceErrors.NameMalformedCode"/>), description
    /// (<see cref="InstanceErrors.DescriptionMalformedCode"/>), host name (<see cref="InstanceErrors.HostNameMalformedCode"/>),
    /// logon password (<see cref="InstanceErrors.PasswordMalformedCode"/>), release protection, the user data (only while
    /// Stopped, <see cref="InstanceErrors.IncorrectStatusCode"/>), and the security groups
    /// (<see cref="InstanceErrors.SecurityGroupNotFoundCode"/> for any but the account's one). The host name and the
    /// password change only while the instance is Running or Stopped (<see cref="InstanceErrors.IncorrectStatusCode"/>);
    /// as on ECS, a Running instance takes them at its next start or restart.
    /// </summary>
    public Task<Result> ModifyAttributeAsync(Actor actor, ModifyInstanceAttributeRequest request, CancellationToken ct = default) =>
        ChangeAsync(actor, request.RegionId, request.InstanceId, AuditActions.ModifyInstanceAttribute, async (scope, instance, region) =>
        {
            var osType = await scope.Db.Images.AsNoTracking()
                .Where(i => i.RegionId == region.Id && i.Id == instance.ImageId).Select(i => (OsType?)i.OsType).FirstOrDefaultAsync(ct) ?? OsType.Linux;
            var error = InstanceValidation.Name(request.InstanceName)
                ?? InstanceValidation.Description(request.Description)
                ?? InstanceValidation.HostName(request.HostName, osType)
                ?? InstanceValidation.Password(request.Password, osType);
            if (error is not null)
            {
                return error;
            }

            var defaultGroup = DefaultNetwork.SecurityGroupId(instance.AccountId, region.Id, region.Infix);
            if (request.SecurityGroupIds.FirstOrDefault(g => g != defaultGroup) is { } unknownGroup)
            {
                return InstanceErrors.SecurityGroupNotFound(unknownGroup);
            }

            if ((request.HostName is not null || request.Password is not null) && InstanceRules.CannotModifyLogon(instance.Name, instance.Status) is { } busy)
            {
                return busy;
            }

            if (request.UserData is not null && instance.Status != InstanceStatus.Stopped)
            {
                return InstanceErrors.IncorrectStatus($"The user data changes only while the instance is Stopped; {instance.Name} is {instance.Status}.");
            }

            if (request.Settings is not null && SettingsError(instance, request.Settings(instance.Settings), await scope.Db.InstanceTypes.AsNoTracking()
                    .FirstAsync(t => t.Id == instance.InstanceTypeId, ct)) is { } settingsError)
            {
                return settingsError;
            }

            instance.Settings = request.Settings?.Invoke(instance.Settings) ?? instance.Settings;
            instance.UserData = request.UserData ?? instance.UserData;
            if (!string.IsNullOrEmpty(request.InstanceName))
            {
                instance.Name = request.InstanceName;
            }

            instance.Description = request.Description ?? instance.Description;
            instance.HostName = request.HostName ?? instance.HostName;
            instance.PasswordSet |= request.Password is not null;
            instance.DeletionProtection = request.DeletionProtection ?? instance.DeletionProtection;
            return Result.Success();
        }, ct);

    /// <summary>
    /// IPAR-37: the CPU options change only while the instance is Stopped (<see cref="InstanceErrors.IncorrectStatusCode"/>)
    /// and within the type's vCPUs (<see cref="InstanceErrors.CpuOptionsCode"/>); a credit mode is a burstable type's only.
    /// IPAR-39: so does the primary interface's queue number, within the type's queues per interface.
    /// </summary>
    private static EcsError? SettingsError(Instance instance, InstanceSettings next, InstanceTypes.InstanceType type)
    {
        var vcpu = type.Vcpu;
        var now = instance.Settings;
        if (next.QueueNumber != now.QueueNumber)
        {
            if (instance.Status != InstanceStatus.Stopped)
            {
                return InstanceErrors.IncorrectStatus($"The network interface's queues change only while the instance is Stopped; {instance.Name} is {instance.Status}.");
            }

            if (InstanceSecurityOptions.QueueNumberError(next.QueueNumber, type.Id, type.Hardware.MaximumQueueNumberPerEni) is { } queues)
            {
                return queues;
            }
        }

        var cpuChanged = next.CoreCount != now.CoreCount || next.ThreadsPerCore != now.ThreadsPerCore
            || next.TopologyType != now.TopologyType || next.NestedVirtualization != now.NestedVirtualization;
        if (cpuChanged && instance.Status != InstanceStatus.Stopped)
        {
            return InstanceErrors.IncorrectStatus($"The CPU options change only while the instance is Stopped; {instance.Name} is {instance.Status}.");
        }

        if ((next.TrustedSystemMode != now.TrustedSystemMode || next.ConfidentialComputingMode != now.ConfidentialComputingMode)
            && InstanceSecurityOptions.Error(next, type.Id) is { } security)
        {
            return security;
        }

        if (next.CreditSpecification != now.CreditSpecification && !InstanceValidation.IsBurstable(instance.InstanceTypeId))
        {
            return InstanceErrors.CreditSpecificationNotSupported(instance.InstanceTypeId);
        }

        return cpuChanged ? CpuOptionsError(next, vcpu) : null;
    }
}
