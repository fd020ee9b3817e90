#!/usr/bin/env bash
# Release builds only: sets schema.json's pluginDownloadURL to this GitHub repository's releases
# (github://api.github.com/<owner>/<repo>, the form Pulumi's plugin installer reads), and fails unless the tag being
# released is v<the version of schema.json and of the poms>. Reads GITHUB_REPOSITORY and GITHUB_REF_NAME.
set -euo pipefail
cd "$(dirname "$0")/../.."
version=$(jq -r .version schema.json)
pom_version=$(sed -n 's|^  <version>\(.*\)</version>$|\1|p' pom.xml | head -1)
if [ "$GITHUB_REF_NAME" != "v$version" ] || [ "$pom_version" != "$version" ]; then
  echo "the tag $GITHUB_REF_NAME must be v<version>, and schema.json ($version) and pom.xml ($pom_version) must agree" >&2
  exit 1
fi
url="github://api.github.com/$GITHUB_REPOSITORY"
jq --indent 2 --arg url "$url" '.pluginDownloadURL = $url' schema.json > schema.json.stamped
mv schema.json.stamped schema.json
echo "schema.json: pluginDownloadURL $url, version $version"
