using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EcsConsole.Domain.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class PipelineOssImport : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ImportOptions",
                table: "ImagePipelines",
                type: "TEXT",
                nullable: false,
                defaultValue: "null");

            migrationBuilder.AddColumn<string>(
                name: "ImportedImageId",
                table: "ImagePipelineExecutions",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ImportOptions",
                table: "ImagePipelines");

            migrationBuilder.DropColumn(
                name: "ImportedImageId",
                table: "ImagePipelineExecutions");
        }
    }
}
