package dev.cxtoken.provider;

import dev.cxtoken.Urls;
import dev.cxtoken.credentials.CredentialPlace;
import java.net.URI;
import java.util.Collections;
import java.util.List;

/** A login with one credential pair and a token URL known before anything is sent. */
abstract class SinglePlaceLogin implements Login {
    final CredentialPlace place;
    final URI tokenUri;
    private String endpointNote = "";
    private String derivation = "tokenUrl (cxtoken.tokenUrl)";

    SinglePlaceLogin(CredentialPlace place, URI tokenUri) {
        this.place = place;
        this.tokenUri = tokenUri;
    }

    @Override
    public List<CredentialPlace> places() {
        return Collections.singletonList(place);
    }

    @Override
    public String endpointIdentity() {
        return tokenUri.toString();
    }

    @Override
    public String hostForDisplay() {
        return Urls.hostForDisplay(tokenUri);
    }

    @Override
    public String endpointNote() {
        return endpointNote;
    }

    @Override
    public String endpointDerivation() {
        return derivation;
    }

    /** @param how see {@link Login#endpointDerivation()} */
    SinglePlaceLogin derivedFrom(String how) {
        this.derivation = how;
        return this;
    }

    /** @param note " (…)", said on the INFO line after the host; see {@link Login#endpointNote()} */
    SinglePlaceLogin noting(String note) {
        this.endpointNote = note;
        return this;
    }
}
