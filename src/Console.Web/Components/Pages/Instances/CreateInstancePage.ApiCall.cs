using EcsConsole.Domain.Instances;

namespace EcsConsole.Web.Components.Pages.Instances;

/// <summary>The order as one request: what Create Order sends and what the "Equivalent API call" panel shows (ADR-014).</summary>
public partial class CreateInstancePage
{
    private RunInstancesRequest OrderRequest => new()
    {
        RegionId = _region?.Id ?? "",
        ZoneId = _zoneId,
        InstanceTypeId = _typeId ?? "",
        ImageId = _image?.Id ?? "",
        ChargeType = _chargeType,
        PeriodMonths = _chargeType == InstanceChargeType.PrePaid ? _period : null,
        SystemDiskCategory = _systemCategory,
        SystemDiskSizeGiB = _systemSize,
        DataDisks = _dataDisks.Select(d => new DiskSpec(d.Category, d.SizeGiB, d.SnapshotId)).ToList(),
        Amount = _quantity,
        InstanceName = string.IsNullOrWhiteSpace(_name) ? null : _name.Trim(),
        Password = _logon == LogonMethod.Password ? _password : null,
        KeyPairName = _logon == LogonMethod.KeyPair ? _keyPair : null,
    };
}
