using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EcsConsole.Domain.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ImageBuilder : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ImageComponents",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    RegionId = table.Column<string>(type: "TEXT", nullable: false),
                    AccountId = table.Column<string>(type: "TEXT", nullable: true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Version = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Major = table.Column<int>(type: "INTEGER", nullable: false),
                    Minor = table.Column<int>(type: "INTEGER", nullable: false),
                    Patch = table.Column<int>(type: "INTEGER", nullable: false),
                    ComponentType = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    SystemType = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Content = table.Column<string>(type: "TEXT", nullable: false),
                    Description = table.Column<string>(type: "TEXT", nullable: true),
                    Parameters = table.Column<string>(type: "TEXT", nullable: false),
                    Tags = table.Column<string>(type: "TEXT", nullable: false),
                    CreationTime = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImageComponents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ImagePipelineExecutions",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    RegionId = table.Column<string>(type: "TEXT", nullable: false),
                    AccountId = table.Column<string>(type: "TEXT", nullable: false),
                    PipelineId = table.Column<string>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ImageId = table.Column<string>(type: "TEXT", nullable: true),
                    Message = table.Column<string>(type: "TEXT", nullable: false),
                    ErrorCode = table.Column<string>(type: "TEXT", nullable: true),
                    ErrorInfo = table.Column<string>(type: "TEXT", nullable: true),
                    CreationTime = table.Column<long>(type: "INTEGER", nullable: false),
                    ModifiedTime = table.Column<long>(type: "INTEGER", nullable: false),
                    Tags = table.Column<string>(type: "TEXT", nullable: false),
                    TaskId = table.Column<string>(type: "TEXT", nullable: false),
                    StartedByUserId = table.Column<string>(type: "TEXT", nullable: false),
                    StartedByEmail = table.Column<string>(type: "TEXT", nullable: false),
                    StartedByRole = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    StartedBySource = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    BaseImageId = table.Column<string>(type: "TEXT", nullable: false),
                    InstanceTypeId = table.Column<string>(type: "TEXT", nullable: false),
                    BuildSteps = table.Column<string>(type: "TEXT", nullable: false),
                    TestSteps = table.Column<string>(type: "TEXT", nullable: false),
                    ImageName = table.Column<string>(type: "TEXT", nullable: false),
                    TransitInstanceId = table.Column<string>(type: "TEXT", nullable: true),
                    TestInstanceId = table.Column<string>(type: "TEXT", nullable: true),
                    StepsDone = table.Column<int>(type: "INTEGER", nullable: false),
                    PhaseTicks = table.Column<int>(type: "INTEGER", nullable: false),
                    Copies = table.Column<string>(type: "TEXT", nullable: false),
                    SourceShared = table.Column<bool>(type: "INTEGER", nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Log = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImagePipelineExecutions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ImagePipelines",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    RegionId = table.Column<string>(type: "TEXT", nullable: false),
                    AccountId = table.Column<string>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Description = table.Column<string>(type: "TEXT", nullable: true),
                    BaseImageType = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    BaseImage = table.Column<string>(type: "TEXT", nullable: true),
                    BuildContent = table.Column<string>(type: "TEXT", nullable: true),
                    TestContent = table.Column<string>(type: "TEXT", nullable: true),
                    InstanceType = table.Column<string>(type: "TEXT", nullable: true),
                    SystemDiskSize = table.Column<int>(type: "INTEGER", nullable: false),
                    InternetMaxBandwidthOut = table.Column<int>(type: "INTEGER", nullable: false),
                    VSwitchId = table.Column<string>(type: "TEXT", nullable: true),
                    DeleteInstanceOnFailure = table.Column<bool>(type: "INTEGER", nullable: false),
                    RepairMode = table.Column<string>(type: "TEXT", nullable: true),
                    RepairItems = table.Column<string>(type: "TEXT", nullable: false),
                    ImageName = table.Column<string>(type: "TEXT", nullable: true),
                    ImageFamily = table.Column<string>(type: "TEXT", nullable: true),
                    ImageDescription = table.Column<string>(type: "TEXT", nullable: true),
                    NvmeSupport = table.Column<string>(type: "TEXT", nullable: true),
                    ImageTags = table.Column<string>(type: "TEXT", nullable: false),
                    RetainCloudAssistant = table.Column<bool>(type: "INTEGER", nullable: false),
                    ImageNameSuffixDisabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    ToRegionIds = table.Column<string>(type: "TEXT", nullable: false),
                    AddAccounts = table.Column<string>(type: "TEXT", nullable: false),
                    Tags = table.Column<string>(type: "TEXT", nullable: false),
                    ComponentReferences = table.Column<string>(type: "TEXT", nullable: false),
                    CreationTime = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImagePipelines", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ImageUpdateRuns",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    RegionId = table.Column<string>(type: "TEXT", nullable: false),
                    AccountId = table.Column<string>(type: "TEXT", nullable: false),
                    SourceImageId = table.Column<string>(type: "TEXT", nullable: false),
                    InstanceTypeId = table.Column<string>(type: "TEXT", nullable: false),
                    TargetImageName = table.Column<string>(type: "TEXT", nullable: false),
                    CommandType = table.Column<string>(type: "TEXT", nullable: false),
                    CommandContent = table.Column<string>(type: "TEXT", nullable: false),
                    TimeoutSeconds = table.Column<int>(type: "INTEGER", nullable: false),
                    Tags = table.Column<string>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Steps = table.Column<string>(type: "TEXT", nullable: false),
                    InstanceId = table.Column<string>(type: "TEXT", nullable: true),
                    ImageId = table.Column<string>(type: "TEXT", nullable: true),
                    ErrorCode = table.Column<string>(type: "TEXT", nullable: true),
                    ErrorInfo = table.Column<string>(type: "TEXT", nullable: true),
                    CancelRequested = table.Column<bool>(type: "INTEGER", nullable: false),
                    Ticks = table.Column<int>(type: "INTEGER", nullable: false),
                    CreationTime = table.Column<long>(type: "INTEGER", nullable: false),
                    ModifiedTime = table.Column<long>(type: "INTEGER", nullable: false),
                    TaskId = table.Column<string>(type: "TEXT", nullable: false),
                    StartedByUserId = table.Column<string>(type: "TEXT", nullable: false),
                    StartedByEmail = table.Column<string>(type: "TEXT", nullable: false),
                    StartedByRole = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    StartedBySource = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImageUpdateRuns", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ImageComponents_AccountId_RegionId_Name_Major_Minor_Patch",
                table: "ImageComponents",
                columns: new[] { "AccountId", "RegionId", "Name", "Major", "Minor", "Patch" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ImagePipelineExecutions_AccountId_RegionId_PipelineId_CreationTime",
                table: "ImagePipelineExecutions",
                columns: new[] { "AccountId", "RegionId", "PipelineId", "CreationTime" });

            migrationBuilder.CreateIndex(
                name: "IX_ImagePipelines_AccountId_RegionId_CreationTime",
                table: "ImagePipelines",
                columns: new[] { "AccountId", "RegionId", "CreationTime" });

            migrationBuilder.CreateIndex(
                name: "IX_ImageUpdateRuns_AccountId_RegionId_CreationTime",
                table: "ImageUpdateRuns",
                columns: new[] { "AccountId", "RegionId", "CreationTime" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ImageComponents");

            migrationBuilder.DropTable(
                name: "ImagePipelineExecutions");

            migrationBuilder.DropTable(
                name: "ImagePipelines");

            migrationBuilder.DropTable(
                name: "ImageUpdateRuns");
        }
    }
}
