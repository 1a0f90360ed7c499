using EcsConsole.Domain.Common;
using EcsConsole.Domain.Images;
using EcsConsole.Domain.Instances;
using EcsConsole.Domain.InstanceTypes;
using EcsConsole.Domain.Regions;
using EcsConsole.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace EcsConsole.Web.Components.Pages.Instances;

/// <summary>The buy page's choices: each change of image, type, zone, billing, disk or logon re-checks the order.</summary>
public partial class CreateInstancePage
{
    private async Task RefreshTypesAsync()
    {
        var types = await Compatibility.CheckTypesAsync(_actor!, _region!.Id, _zoneId, _image?.Id);
        _types = types.IsSuccess ? types.Value : [];
        if (_typeId is not null && _types.All(t => t.Type.Id != _typeId))
        {
            _typeId = null;
        }

        _typeId ??= _types.FirstOrDefault(t => t.IsAllowed)?.Type.Id;
        await RecheckAsync();
    }

    /// <summary>The region's zones that sell a type <paramref name="image"/> runs on: read once per chosen image.</summary>
    private async Task<IReadOnlyList<Zone>> CompatibleZonesAsync(Image image)
    {
        var zones = new List<Zone>();
        foreach (var zone in _region!.Zones)
        {
            var types = await Compatibility.CheckTypesAsync(_actor!, _region.Id, zone.Id, image.Id);
            if (types.IsSuccess && types.Value.Any(t => t.IsAllowed))
            {
                zones.Add(zone);
            }
        }

        return zones;
    }

    /// <summary>
    /// Opened with an image and no zone asked for: the first zone that sells a type the image runs on, when the default
    /// zone sells none (an Arm image: the Arm types are in some zones only).
    /// </summary>
    private async Task PickCompatibleZoneAsync()
    {
        if (_image is null || ZoneParam is not null || _types is null || _types.Any(t => t.IsAllowed) || _compatibleZones.Count == 0)
        {
            return;
        }

        _zoneId = _compatibleZones[0].Id;
        await RefreshTypesAsync();
    }

    private async Task RecheckAsync()
    {
        if (_typeId is null || _image is null)
        {
            _verdict = null;
            return;
        }

        var verdict = await Compatibility.CheckAsync(_actor!, _region!.Id, _zoneId, _image.Id, _typeId, Plan);
        _verdict = verdict.IsSuccess ? verdict.Value : new CompatibilityVerdict([new("CMP-01", verdict.Error)], []);
    }

    private async Task SetImageAsync(Image image)
    {
        _image = image;
        _compatibleZones = await CompatibleZonesAsync(image);
        _imagePrices = image.ProductCode is { } code ? await Marketplace.PricesAsync(code) : [];
        _systemSize = ImageCompatibility.DefaultSystemDiskGiB(image);
        _dataDisks = InstanceService.DataDisksOf(image)
            .Select(d => new DataDiskRow(d.Category, d.SizeGiB, d.SizeGiB, d.SnapshotId))
            .ToList();
        if (image.OsType == OsType.Windows && _logon == LogonMethod.KeyPair)
        {
            _logon = LogonMethod.Password;
        }
    }

    private async Task OnImageChangedAsync(string imageId)
    {
        var found = await Compatibility.ImageAsync(_actor!, _region!.Id, imageId);
        if (!found.IsSuccess)
        {
            _error = found.Error;
            return;
        }

        await SetImageAsync(found.Value);
        await RefreshTypesAsync();
        Navigate();
    }

    private async Task OnTypeChangedAsync(string typeId)
    {
        _typeId = typeId;
        await RecheckAsync();
        Navigate();
    }

    private async Task OnZoneChangedAsync(string zoneId)
    {
        _zoneId = zoneId;
        await RefreshTypesAsync();
        Navigate();
    }

    private Task OnChargeTypeChangedAsync(InstanceChargeType value) => ChooseAsync(() => _chargeType = value);

    private Task OnPeriodChangedAsync(int months) => ChooseAsync(() => _period = months);

    private Task OnSystemSizeChangedAsync(int size) => ChooseAsync(() => _systemSize = size);

    private Task OnLogonChangedAsync(LogonMethod method) => ChooseAsync(() => _logon = method);

    /// <summary>A choice that changes only the order (billing, disk, logon), not the lists or the URL: make it, then re-check.</summary>
    private Task ChooseAsync(Action choose)
    {
        choose();
        return RecheckAsync();
    }

    /// <summary>Keeps region, zone, type and image in the URL, so a reload shows the same order.</summary>
    private void Navigate()
    {
        var query = new Dictionary<string, object?>
        {
            ["region"] = _region?.Id, ["zone"] = _zoneId, ["instanceType"] = _typeId, ["imageId"] = _image?.Id,
        };
        var uri = Navigation.GetUriWithQueryParameters("instances/create", query);
        _loadedFor = $"{_region?.Id}|{_image?.Id}|{_typeId}|{_zoneId}";
        Navigation.NavigateTo(uri, replace: true);
    }
}
