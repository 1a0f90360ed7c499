namespace EcsConsole.Domain.ImageBuilder;

/// <summary>Image Builder errors with the codes and statuses of image-builder.md §6 (documented messages verbatim).</summary>
public static class ImageBuilderErrors
{
    public const string NameMalformedCode = "InvalidName.Malformed";
    public const string CreateImageFailedCode = "CreateImage.Failed";
    public const string CopyImageFailedCode = "CopyImage.Failed";
    public const string DescriptionMalformedCode = "InvalidDescription.Malformed";
    public const string SystemTypeCode = "InvalidSystemType.NotSupportedValue";
    public const string ComponentTypeCode = "InvalidComponentType.NotSupportedValue";
    public const string ComponentVersionCode = "InvalidParameter.ComponentVersion";
    public const string ComponentVersionExistCode = "InvalidComponentVersion.Exist";
    public const string ComponentCommandCode = "InvalidCommand.Component";
    public const string MissingContentCode = "MissingParameter.Content";
    public const string ContentLengthCode = "InvalidContent.LengthExceeded";
    public const string ContentInvalidCode = "InvalidParameter.Content";
    public const string FromInComponentCode = "NotSupportedCommand.FROM";
    public const string ComponentQuotaCode = "QuotaExceed.ImageComponent";
    public const string TooManyCommandsCode = "InvalidImageTemplateCommandSize.ExceededMaxNumber";
    public const string UnknownCommandCode = "InvalidImageTemplateCommand.NotSupported";
    public const string DuplicatedFromCode = "DuplicatedCommand.FROM";
    public const string FromOrderCode = "InvalidCommandOrder.FROM";
    public const string BaseImageTypeCode = "InvalidBaseImageType.NotSupportedValue";
    public const string ImageOptionsDescriptionCode = "InvalidImageOptions.Description";
    public const string SystemDiskSizeCode = "InvalidSystemDiskSize.NotSupportedValue";
    public const string BandwidthCode = "InvalidInternetMaxBandwidthOut.NotSupportedValue";
    public const string AddAccountSizeCode = "InvalidAddAccountSize.ExceededMaxNumber";
    public const string ToRegionSizeCode = "InvalidToRegionIdSize.ExceededMaxNumber";
    public const string BuildContentLengthCode = "InvalidBuildContent.LengthExceeded";
    public const string PipelineQuotaCode = "QuotaExceed.ImagePipeline";
    public const string ParameterCombinationCode = "InvalidParameterCombination";
    public const string RepairModeCode = "InvalidParameter.RepairMode";
    public const string MissingRepairModeCode = "MissingParameter.RepairMode";
    public const string NotSupportRepairCode = "InvalidImage.NotSupportRepair";
    public const string OwnerAliasUnsupportedCode = "InvalidImage.ImageOwnerAliasUnsupported";
    public const string OsTypeUnsupportedCode = "InvalidImage.OsTypeUnsupported";
    public const string BuildContentInvalidCode = "InvalidParameter.BuildContent";
    public const string TestContentInvalidCode = "InvalidParameter.TestContent";
    public const string ComponentNotSupportedCode = "InvalidImageComponent.NotSupported";
    public const string NvmeSupportCode = "InvalidParameter.NvmeSupport";
    public const string ImageNameSuffixCode = "InvalidAdvancedOptions.ImageNameSuffix";
    public const string BaseImageNotFoundCode = "InvalidImage.NotFound";
    public const string ReferencedComponentNotFoundCode = "ImageComponent.NotFound";
    public const string InstanceTypeNotFoundCode = "InvalidInstanceType.NotFound";
    public const string VSwitchNotFoundCode = "InvalidVSwitchId.NotFound";
    public const string PipelineIdSizeCode = "InvalidImagePipelineIdSize.ExceededMaxNumber";
    public const string ComponentIdSizeCode = "InvalidImageComponentIdSize.ExceededMaxNumber";
    public const string OwnerCode = "InvalidParameter.Owner";
    public const string NextTokenCode = "Invalid.NextToken";
    public const string ComponentInUseCode = "InvalidImageComponent.InUse";
    public const string ComponentNotFoundCode = "InvalidImageComponent.NotFound";
    public const string HasRunningExecutionCode = "InvalidImagePipeline.HasRunningExecution";
    public const string PipelineNotFoundCode = "InvalidImagePipeline.NotFound";
    public const string FamilyBaseImageNotFoundCode = "InvalidImagePipeline.BaseImageNotFound";
    public const string StatusParameterCode = "InvalidParameter.Status";
    public const string MissingPipelineIdCode = "MissingParameter.ImagePipelineId";
    public const string ExecutionIdSizeCode = "InvalidExecutionId.SizeExceeded";
    public const string CancelFailedCode = "InvalidStatus.CancelFailed";
    public const string NotCancellableCode = "InvalidStatus.ImagePipelineExecution";
    public const string ExecutionNotFoundCode = "InvalidImagePipelineExecution.NotFound";

    /// <summary>
    /// What a command that exits non-zero leaves on the execution (Cloud Assistant's invocation error code for a
    /// non-zero exit; the execution's ErrorCode values are undocumented, image-builder.md §1.1).
    /// </summary>
    public const string ExitCodeNonzeroCode = "ExitCodeNonzero";

    public static EcsError NameMalformed(string why) => new(NameMalformedCode, 400, $"The specified name is wrongly formed: {why}");

    public static EcsError DescriptionMalformed() =>
        new(DescriptionMalformedCode, 400, "The description must be 2 to 256 characters long and must not start with http:// or https://.");

    public static EcsError SystemType(string value) =>
        new(SystemTypeCode, 400, $"The specified SystemType \"{value}\" is not supported. The correct value should be in [Linux, Windows].");

    public static EcsError ComponentTypeInvalid(string value) =>
        new(ComponentTypeCode, 400, $"The specified ComponentType \"{value}\" is not supported. The correct value should be in [Build, Test].");

    public static EcsError ComponentVersion() => new(ComponentVersionCode, 400, "The specified ComponentVersion is invalid.");

    public static EcsError ComponentVersionExist() =>
        new(ComponentVersionExistCode, 403, "The specified ComponentVersion does exist with the specified Name.");

    public static EcsError ComponentCommand() => new(ComponentCommandCode, 400, "Image component does not support component command.");

    public static EcsError MissingContent() => new(MissingContentCode, 400, "The specified parameter Content should not be empty.");

    public static EcsError ContentLength(int bytes) =>
        new(ContentLengthCode, 400, $"The content is {bytes} bytes; it must not exceed {BuildContentRules.MaxContentBytes} bytes.");

    public static EcsError BuildContentLength(string parameter, int bytes) =>
        new(BuildContentLengthCode, 400, $"{parameter} is {bytes} bytes; it must not exceed {BuildContentRules.MaxContentBytes} bytes.");

    public static EcsError ContentInvalid(string code, string why) => new(code, 400, why);

    public static EcsError FromInComponent() => new(FromInComponentCode, 404, "Image component does not support FROM command.");

    public static EcsError ComponentQuota(int limit) =>
        new(ComponentQuotaCode, 400, $"Image component quota exceeded in current region (limit {limit}).");

    public static EcsError TooManyCommands(int count) =>
        new(TooManyCommandsCode, 400, $"The content has {count} commands; at most {BuildContentRules.MaxCommands} are allowed.");

    public static EcsError UnknownCommand(int line, string keyword) =>
        new(UnknownCommandCode, 400, $"Line {line}: the command \"{keyword}\" is not supported.");

    public static EcsError EmptyCommand(int line, string keyword) =>
        new($"EmptyCommandContent.{keyword}", 400, $"Line {line}: {keyword} needs an argument.");

    public static EcsError RestartNotEmpty(int line) =>
        new("NotEmptyCommandContent.RESTART", 400, $"Line {line}: nothing may follow RESTART.");

    public static EcsError InvalidCommand(int line, string keyword, string why) =>
        new($"InvalidCommandContent.{keyword}", 400, $"Line {line}: {why}");

    public static EcsError DuplicatedFrom(int line) => new(DuplicatedFromCode, 400, $"Line {line}: only one FROM command is allowed.");

    public static EcsError FromOrder(int line) => new(FromOrderCode, 400, $"Line {line}: FROM must be the first command.");

    public static EcsError BaseImageType(string? value) =>
        new(BaseImageTypeCode, 400, $"The specified BaseImageType \"{value}\" is not supported. The correct value should be in [IMAGE, IMAGE_FAMILY].");

    public static EcsError ImageOptionsDescription() =>
        new(ImageOptionsDescriptionCode, 400, "The image description must be 2 to 256 characters long and must not start with http:// or https://.");

    public static EcsError SystemDiskSize(int size) =>
        new(SystemDiskSizeCode, 400, $"The system disk size {size} GiB is not supported; it must be 20 to 500.");

    public static EcsError Bandwidth(int value) =>
        new(BandwidthCode, 400, $"InternetMaxBandwidthOut {value} is not supported; it must be 0 to 100.");

    public static EcsError AddAccountSize(int count) =>
        new(AddAccountSizeCode, 400, $"{count} accounts were given; at most {ImagePipelineService.MaxListItems} are allowed.");

    public static EcsError ToRegionSize(int count) =>
        new(ToRegionSizeCode, 400, $"{count} regions were given; at most {ImagePipelineService.MaxListItems} are allowed.");

    public static EcsError PipelineQuota(int limit) =>
        new(PipelineQuotaCode, 400, $"Image template quota exceeded in current region (limit {limit}).");

    public static EcsError ParameterCombination(string why) => new(ParameterCombinationCode, 400, why);

    public static EcsError RepairMode() => new(RepairModeCode, 400, "The specified parameter RepairMode is invalid.");

    public static EcsError MissingRepairMode() => new(MissingRepairModeCode, 404, "The specified parameter RepairMode is missing.");

    public static EcsError NotSupportRepair() => new(NotSupportRepairCode, 400, "The specified base image does not support repair.");

    public static EcsError OwnerAliasUnsupported() =>
        new(OwnerAliasUnsupportedCode, 400, "The specified base image does not support distributing.");

    public static EcsError OsTypeUnsupported() => new(OsTypeUnsupportedCode, 400, "The specified base image does not support image building.");

    public static EcsError ComponentNotSupported(string reference, string why) =>
        new(ComponentNotSupportedCode, 400, $"The image component {reference} is not available here: {why}");

    public static EcsError NvmeSupport() =>
        new(NvmeSupportCode, 400, "The specified parameter NvmeSupport is invalid. The correct value should be in [supported, unsupported, auto].");

    public static EcsError ImageNameSuffix() =>
        new(ImageNameSuffixCode, 400, "The specified parameter AdvancedOptions.ImageNameSuffix is invalid. The correct value should be in [disable].");

    public static EcsError BaseImageNotFound(string imageId) =>
        new(BaseImageNotFoundCode, 404, $"The specified base image \"{imageId}\" is not found.");

    public static EcsError ReferencedComponentNotFound(string reference) =>
        new(ReferencedComponentNotFoundCode, 404, $"The image component {reference} is not found.");

    public static EcsError InstanceTypeNotFound(string type) =>
        new(InstanceTypeNotFoundCode, 404, $"The specified instance type does not exist. ({type})");

    public static EcsError VSwitchNotFound() => new(VSwitchNotFoundCode, 404, "The specified VSwitchId does not exist.");

    public static EcsError PipelineIdSize() => new(PipelineIdSizeCode, 400, "At most 20 ImagePipelineId values are allowed.");

    public static EcsError ComponentIdSize() => new(ComponentIdSizeCode, 400, "At most 20 ImageComponentId values are allowed.");

    public static EcsError Owner() => new(OwnerCode, 400, "The specified parameter \"Owner\" is not valid.");

    public static EcsError NextToken() => new(NextTokenCode, 403, "The specified NextToken is not valid.");

    public static EcsError ComponentInUse(string componentId, string pipelineId) =>
        new(ComponentInUseCode, 403, $"The image component {componentId} is used by the image template {pipelineId}.");

    public static EcsError ComponentNotFound(string componentId) =>
        new(ComponentNotFoundCode, 404, $"The specified image component \"{componentId}\" does not exist.");

    public static EcsError HasRunningExecution(string pipelineId) =>
        new(HasRunningExecutionCode, 403, $"The image template {pipelineId} has a build that has not ended.");

    public static EcsError PipelineNotFound(string pipelineId) =>
        new(PipelineNotFoundCode, 404, $"The specified image template \"{pipelineId}\" does not exist.");

    public static EcsError FamilyBaseImageNotFound() =>
        new(FamilyBaseImageNotFoundCode, 404, "The BaseImage of the specified ImagePipeline is not found.");

    public static EcsError StatusParameter(string value) => new(StatusParameterCode, 400, $"The specified Status \"{value}\" is not valid.");

    public static EcsError MissingPipelineId() =>
        new(MissingPipelineIdCode, 400, "The specified parameter ImagePipelineId should not be empty.");

    public static EcsError ExecutionIdSize(int count) =>
        new(ExecutionIdSizeCode, 400, $"ExecutionId list exceeds maximum size of 20. Current size is {count}.");

    public static EcsError CancelFailed() =>
        new(CancelFailedCode, 400, "Failed to cancel execution,status is success, failed or cancelled.");

    public static EcsError NotCancellable(BuildStatus status) =>
        new(NotCancellableCode, 403, $"A build in {status} cannot be cancelled; only PREPARING, REPAIRING and BUILDING can.");

    public static EcsError ExecutionNotFound() =>
        new(ExecutionNotFoundCode, 404, "The specified image pipeline execution does not exist!");

    public static EcsError ExitCodeNonzero(string source, string command, int exitCode) =>
        new(ExitCodeNonzeroCode, 400, $"{source}: \"{command}\" exited with code {exitCode}.");

    /// <summary>A build's image ended CreateFailed.</summary>
    public static EcsError CreateImageFailed(string imageId) => new(CreateImageFailedCode, 400, $"The image {imageId} could not be created.");

    /// <summary>A build's copy to a target region did not complete.</summary>
    public static EcsError CopyImageFailed(string imageId, string regionId) =>
        new(CopyImageFailedCode, 400, $"The copy of {imageId} to {regionId} did not complete.");
}
