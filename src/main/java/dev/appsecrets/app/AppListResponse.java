package dev.appsecrets.app;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One page of apps, ordered by name then id, with the number of apps in all.
 */
@Schema(name = "AppList")
record AppListResponse(List<AppResponse> apps, @Schema(description = "Number of apps in all pages") long total,
		@Schema(description = "The page size used") int limit,
		@Schema(description = "How many apps were skipped") long offset) {
}
