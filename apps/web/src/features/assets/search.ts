import { idParam, listSearch, oneOfParam, textParam } from '../../app/ui/list/search-params';
import { assetCategories, assetTypes } from './use-assets';

/** The assets list's filters, kept in the URL (`/assets?type=primary&tag=crown-jewel`). */
export const validateAssetsSearch = listSearch({
  q: textParam(),
  type: oneOfParam(assetTypes),
  category: oneOfParam(assetCategories),
  folderId: idParam,
  tag: textParam(100),
});
