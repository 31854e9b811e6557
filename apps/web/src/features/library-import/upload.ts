/** What every library import route takes: the YAML file, and the folder its objects go to. */
export interface LibraryImportVariables {
  file: File;
  folderId: string;
}

/**
 * The multipart body of a library import (field `file`). The routes read it by hand, so the OpenAPI document types
 * no body: it goes as `never`, and the serializer hands the FormData to fetch untouched so fetch sets the boundary.
 */
export function libraryFileBody(file: File) {
  const form = new FormData();
  form.append('file', file, file.name);
  return { body: form as never, bodySerializer: () => form };
}
