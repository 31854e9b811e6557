/** Query keys of the compliance dashboard and of one framework's coverage (both computed from assessments). */
export const dashboardKeys = {
  all: ['dashboard'] as const,
  forFolder: (folderId: string | null | undefined) => [...dashboardKeys.all, { folderId }] as const,
};

export const coverageKeys = {
  all: ['coverage'] as const,
  framework: (frameworkId: string, folderId: string | null | undefined) =>
    [...coverageKeys.all, frameworkId, { folderId }] as const,
};
